import type { Stats } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';

interface Entry {
  name: string;
  stats: Stats;
}

export async function entry(name: string): Promise<Entry> {
  const stats: Stats = await stat(name);
  const label = await readFile(`${name}.label`, 'utf8') as string;
  return { name: label || name, stats };
}

export const read = async (names: string[]): Promise<string[]> => await Promise.all(names.map(async (name: string): Promise<string> => await readFile(name, 'utf8')));
