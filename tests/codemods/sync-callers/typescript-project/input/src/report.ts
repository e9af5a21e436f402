import { statSync } from 'node:fs';

const sizeOf = (file: string): number => statSync(file).size;

function largest(files: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const file of files) {
    if (best === undefined || sizeOf(file) > sizeOf(best)) best = file;
  }
  return best;
}

export async function report(files: readonly string[]): Promise<string> {
  let total = 0;
  for (const file of files) total += sizeOf(file);
  return `${total} bytes, largest ${largest(files) ?? 'none'}`;
}
