import { readFileSync } from 'node:fs';

export async function readAll(files) {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const total = files.map(function (file) {
    return readFileSync(file).length;
  }).reduce((a, b) => a + b, 0);
  return { texts, total };
}
