import { readFile, writeFile, unlink } from 'node:fs/promises';

export async function copyConfig(from, to) {
  const text = await readFile(from, 'utf8');
  await writeFile(to, text.trim() + '\n');
  await unlink(from);
}
