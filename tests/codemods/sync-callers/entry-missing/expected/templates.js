import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.join(import.meta.dirname, 'views');

export async function loadTemplate(name) {
  return await readFile(path.join(root, `${name}.html`), 'utf8');
}
