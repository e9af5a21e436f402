import { readFileSync } from 'node:fs';

export class Template {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  render(data: Record<string, string>): string {
    return this.text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => data[key] ?? '');
  }
}

export function compileTemplate(name: string): (data: Record<string, string>) => string {
  const text = readFileSync(`views/${name}.html`, 'utf8');
  return (data) => text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => data[key] ?? '');
}

export function loadTemplate(name: string): Template {
  return new Template(readFileSync(`views/${name}.html`, 'utf8'));
}
