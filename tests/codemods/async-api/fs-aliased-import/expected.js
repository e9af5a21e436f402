import { writeFile, readFile } from 'fs/promises';

export async function append(file, line) {
  await writeFile(file, await readFile(file, 'utf8') + line);
}
