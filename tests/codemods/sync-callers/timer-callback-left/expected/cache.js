import { readFileSync } from 'node:fs';

function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

const cache = new Map();

export async function warm(names) {
  setTimeout(() => {
    for (const name of names) cache.set(name, loadTemplate(name));
  }, 0);
}
