// Nothing imported yet: the codemod adds what it needs at the top.

import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
const gzipAsync = promisify(gzip);

export async function handler(event) {
  return await gzipAsync(event.body);
}
