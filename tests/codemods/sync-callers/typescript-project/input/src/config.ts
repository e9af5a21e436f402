import { readFileSync } from 'node:fs';

export interface Settings {
  readonly port: number;
  readonly hosts: readonly string[];
  readonly limits: ReadonlyMap<string, number>;
}

interface RawSettings {
  port: number;
  hosts: string[];
  limits: Record<string, number>;
}

export function readSettings(file: string): Settings {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSettings;
  return { port: raw.port, hosts: raw.hosts, limits: new Map(Object.entries(raw.limits)) };
}
