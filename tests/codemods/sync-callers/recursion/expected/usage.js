import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

async function totalSize(directory) {
  let total = 0;
  for (const entry of await readdir(directory)) {
    const full = path.join(directory, entry);
    total += (await stat(full)).isDirectory() ? await totalSize(full) : (await stat(full)).size;
  }
  return total;
}

export async function usage(directory) {
  return { directory, bytes: await totalSize(directory) };
}
