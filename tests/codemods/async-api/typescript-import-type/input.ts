import type { Stats } from 'node:fs';
import { statSync, readFileSync } from 'node:fs';

interface Entry {
  name: string;
  stats: Stats;
}

export async function entry(name: string): Promise<Entry> {
  const stats: Stats = statSync(name);
  const label = readFileSync(`${name}.label`, 'utf8') as string;
  return { name: label || name, stats };
}

export const read = async (names: string[]): Promise<string[]> => names.map((name: string): string => readFileSync(name, 'utf8'));
