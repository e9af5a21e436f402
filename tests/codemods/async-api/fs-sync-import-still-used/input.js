import { readFileSync } from 'node:fs';

const banner = readFileSync('banner.txt', 'utf8');

export async function render(page) {
  return banner + readFileSync(`pages/${page}.html`, 'utf8');
}
