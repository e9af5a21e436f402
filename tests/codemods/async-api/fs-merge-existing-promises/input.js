import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

export async function touch(file) {
  const previous = readFileSync(file, 'utf8');
  await writeFile(file, previous);
}
