import { readFileSync } from 'node:fs';

function loadTemplate(name: string): string {
  return readFileSync(`views/${name}.html`, 'utf8');
}

export function render(name: string, data: Record<string, string>): string {
  return loadTemplate(name).replace(/\{\{(\w+)\}\}/g, (_match, key: string) => data[key] ?? '');
}
