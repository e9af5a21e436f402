import { readFileSync } from 'node:fs';

function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

export async function page(name) {
  return loadTemplate(name);
}

export async function pages(names) {
  return names.map(loadTemplate);
}
