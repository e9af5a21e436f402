import { existsSync, readFileSync } from 'node:fs';

export async function readIfPresent(file) {
  if (!existsSync(file)) return null;
  const present = existsSync(`${file}.lock`) ? 'locked' : 'free';
  return { present, text: readFileSync(file, 'utf8') };
}
