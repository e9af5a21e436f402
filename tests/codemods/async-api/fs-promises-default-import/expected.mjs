import fsp from 'node:fs/promises';

export async function both(a, b) {
  const first = await fsp.readFile(a, 'utf8');
  const second = await fsp.readFile(b, 'utf8');
  return first + second;
}
