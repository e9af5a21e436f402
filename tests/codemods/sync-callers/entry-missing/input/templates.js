import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, 'views');

export function loadTemplate(name) {
  return fs.readFileSync(path.join(root, `${name}.html`), 'utf8');
}
