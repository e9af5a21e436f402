import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const banner = readFileSync('banner.txt', 'utf8');

export async function render(page) {
  return banner + await readFile(`pages/${page}.html`, 'utf8');
}
