import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function totalSize(directory) {
  let total = 0;
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    total += statSync(full).isDirectory() ? totalSize(full) : statSync(full).size;
  }
  return total;
}

export async function usage(directory) {
  return { directory, bytes: totalSize(directory) };
}
