import { stat } from 'node:fs/promises';

const sizeOf = async (file: string): Promise<number> => (await stat(file)).size;

async function largest(files: readonly string[]): Promise<string | undefined> {
  let best: string | undefined;
  for (const file of files) {
    if (best === undefined || await sizeOf(file) > await sizeOf(best)) best = file;
  }
  return best;
}

export async function report(files: readonly string[]): Promise<string> {
  let total = 0;
  for (const file of files) total += await sizeOf(file);
  return `${total} bytes, largest ${await largest(files) ?? 'none'}`;
}
