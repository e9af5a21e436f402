import { unlinkSync, rmSync } from 'node:fs';

export async function cleanUp(files, dirs) {
  files.forEach((file) => unlinkSync(file));
  dirs.forEach(function (dir) {
    if (dir === '/') return;
    rmSync(dir, { recursive: true, force: true });
  });
}
