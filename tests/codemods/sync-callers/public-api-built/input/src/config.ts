import { readFileSync } from 'node:fs';

export interface Config {
  readonly values: Record<string, string>;
  get(key: string): string | undefined;
}

export function loadConfig(file: string): Config {
  const values = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return { values, get: (key) => values[key] };
}
