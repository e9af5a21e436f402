import { readdirSync, statSync, unlinkSync } from 'node:fs';

export async function prune(directory: string, limit: number): Promise<void> {
  readdirSync(directory).forEach((name: string) => {
    name = `${directory}/${name}`;
    if (statSync(name).size > limit) unlinkSync(name);
  });
  readdirSync(directory).forEach(({ length }) => { console.log(length) });
  (globalThis as any).files.forEach((file: string) => unlinkSync(file));
}
