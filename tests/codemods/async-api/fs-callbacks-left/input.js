import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export async function pick(files, sizes) {
  const present = files.filter((file) => existsSync(file));
  const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
  files.forEach((file, index) => writeFileSync(`${file}.${index}`, 'x'));
  sizes.forEach((size) => {
    for (const name of size.names) {
      if (name) return;
    }
    readFileSync(size.file);
  });
  setTimeout(() => readFileSync('late.txt'), 10);
  await new Promise((resolve) => resolve(readFileSync('now.txt')));
  return { present, total };
}
