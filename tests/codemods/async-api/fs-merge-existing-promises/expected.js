import { writeFile, readFile } from 'node:fs/promises';

export async function touch(file) {
  const previous = await readFile(file, 'utf8');
  await writeFile(file, previous);
}
