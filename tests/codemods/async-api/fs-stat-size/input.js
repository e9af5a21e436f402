import fs from 'node:fs';

export async function describe(file) {
  const size = fs.statSync(file).size;
  if (fs.lstatSync(file).isSymbolicLink()) return 'link';
  return `${size} bytes, modified ${fs.statSync(file).mtime.toISOString()}`;
}
