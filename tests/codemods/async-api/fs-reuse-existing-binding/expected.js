import { stat as statAsync, readFile } from 'node:fs/promises';

export async function sizeOf(file) {
  const info = await statAsync(file);
  const text = await readFile(file, 'utf8');
  const other = await statAsync(file + '.bak');
  return info.size + other.size + text.length;
}
