import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

export const banner = readFileSync('banner.txt', 'utf8');

export async function load(file) {
  return readFile(file, 'utf8');
}

export function loadSync(file) {
  return readFileSync(file, 'utf8');
}
