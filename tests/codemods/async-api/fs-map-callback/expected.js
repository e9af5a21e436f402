import { readFile } from 'node:fs/promises';

export async function readAll(files) {
  const texts = await Promise.all(files.map(async (file) => await readFile(file, 'utf8')));
  const total = (await Promise.all(files.map(async function (file) {
    return (await readFile(file)).length;
  }))).reduce((a, b) => a + b, 0);
  return { texts, total };
}
