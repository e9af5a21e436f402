import { stat, lstat } from 'node:fs/promises';

export async function describe(file) {
  const size = (await stat(file)).size;
  if ((await lstat(file)).isSymbolicLink()) return 'link';
  return `${size} bytes, modified ${(await stat(file)).mtime.toISOString()}`;
}
