import { readFileSync } from 'node:fs';

/** @param {string} name */
export function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}
