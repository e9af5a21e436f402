import { readdir, stat, unlink } from 'node:fs/promises';

export async function prune(directory: string, limit: number): Promise<void> {
  for (let name of (await readdir(directory))) {
    name = `${directory}/${name}`;
    if ((await stat(name)).size > limit) await unlink(name);
  }
  (await readdir(directory)).forEach(({ length }) => { console.log(length) });
  for (const file of (globalThis as any).files) { await unlink(file); }
}
