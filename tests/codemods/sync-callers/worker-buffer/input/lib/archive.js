import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Buffers inside the result: gzipped bytes, and one Buffer per line in a Map.
 *
 * @param {string} file
 * @returns {{ name: string, gzipped: Buffer, lines: Map<string, Buffer> }}
 */
export function archive(file) {
  const text = readFileSync(file);
  const lines = new Map(
    text
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.split(' ')[0], Buffer.from(line)]),
  );
  return { name: path.basename(file), gzipped: gzipSync(text), lines };
}

// No types, and `name` is only interpolated: a caller must show it is plain data (a route parameter).
export function gzipNamed(name) {
  return gzipSync(`report ${name}`);
}
