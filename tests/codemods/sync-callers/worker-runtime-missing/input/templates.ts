import { readFileSync } from 'node:fs';

export function loadTemplate(name: string): string {
  return readFileSync(`views/${name}.html`, 'utf8');
}
