import { statSync } from 'node:fs';

export async function maybeSize(file, options) {
  const info = statSync(file, { throwIfNoEntry: false });
  const other = statSync(`${file}.bak`, options);
  return (info?.size ?? 0) + (other?.size ?? 0);
}
