import { readFileSync } from 'node:fs';
import fsp from 'node:fs/promises';

export async function both(a, b) {
  const first = readFileSync(a, 'utf8');
  const second = await fsp.readFile(b, 'utf8');
  return first + second;
}
