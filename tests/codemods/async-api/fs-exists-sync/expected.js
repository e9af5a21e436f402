import { access, readFile } from 'node:fs/promises';

export async function readIfPresent(file) {
  if (!await access(file).then(() => true, () => false)) return null;
  const present = await access(`${file}.lock`).then(() => true, () => false) ? 'locked' : 'free';
  return { present, text: await readFile(file, 'utf8') };
}
