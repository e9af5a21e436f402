import { unlink, rm } from 'node:fs/promises';

export async function cleanUp(files, dirs) {
  for (const file of files) { await unlink(file); }
  for (const dir of dirs) {
    if (dir === '/') continue;
    await rm(dir, { recursive: true, force: true });
  }
}
