import { readFileSync } from 'node:fs';

export async function broken( {
  return readFileSync('x');
}
