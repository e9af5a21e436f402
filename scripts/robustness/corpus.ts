import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { globby } from 'globby';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** JS/TS sources of every installed package: tens of thousands of lines nobody here wrote. */
export async function nodeModulesSources(): Promise<string[]> {
  const files = await globby('node_modules/**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', {
    cwd: repoRoot,
    absolute: true,
    ignore: ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'],
    followSymbolicLinks: false,
  });
  return files.filter((file) => statSync(file).size <= 1_000_000).sort();
}

/** Every `step`-th file from a deterministic starting offset: a spread-out sample. */
export function sample<T>(items: readonly T[], count: number, offset = 0): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(offset + index * step) % items.length]!);
}

export function readSource(file: string): string {
  return readFileSync(file, 'utf8');
}

/** ESLint never lints paths under node_modules, so corpus files are linted under a virtual path. */
export function virtualPath(file: string): string {
  return path.join(repoRoot, '.robustness-corpus', path.relative(repoRoot, file).replaceAll('node_modules', 'nm'));
}
