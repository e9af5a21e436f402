import { readFile } from 'node:fs/promises';

async function loadTemplate(name: string): Promise<string> {
  return await readFile(`views/${name}.html`, 'utf8');
}

export async function render(name: string, data: Record<string, string>): Promise<string> {
  return (await loadTemplate(name)).replace(/\{\{(\w+)\}\}/g, (_match, key: string) => data[key] ?? '');
}
