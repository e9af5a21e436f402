// The other scripts of the packages some files belong to: tests and tools call helpers too, and a
// helper that sync code calls must stay sync. The program looks for them itself when asked to
// discover callers (synchronously: it runs inside a sync transform); `unblock fix` looks for them
// before the program exists, to read them into its import graph.

import { access } from 'node:fs/promises';
import path from 'node:path';

import { globby, globbySync, type Options } from 'globby';

import { packageRoot } from '../../analysis/package-root.js';
import { SOURCE_FILES } from '../../analysis/parser-options.js';

const GLOB_OPTIONS = (cwd: string): Options => ({ cwd, absolute: true, gitignore: true, ignore: ['**/node_modules/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'] });

/**
 * The scripts of the packages `files` belong to (by their nearest package.json), outside
 * node_modules and what .gitignore leaves out, at most `limit` per package.
 */
export function packageScripts(files: readonly string[], limit = Number.POSITIVE_INFINITY): string[] {
  const roots = new Set<string>();
  for (const file of files) {
    const root = packageRoot(path.dirname(path.resolve(file)));
    if (root !== null) roots.add(root);
  }
  return [...roots].flatMap((root) => globbySync(SOURCE_FILES, GLOB_OPTIONS(root)).slice(0, limit).map((script) => path.resolve(script)));
}

/**
 * `packageScripts`, without blocking (the CLI runs it among its reads, and unblock's own rule
 * holds it to that: `packageRoot` is sync), and with no limit.
 */
export async function findPackageScripts(files: readonly string[]): Promise<string[]> {
  const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);
  const roots = new Set<string>();
  const rootOf = new Map<string, string | null>();
  for (const directory of new Set(files.map((file) => path.dirname(file)))) {
    const visited: string[] = [];
    let current = directory;
    let root: string | null | undefined;
    for (;;) {
      root = rootOf.get(current);
      if (root !== undefined) break;
      visited.push(current);
      if (await exists(path.join(current, 'package.json'))) {
        root = current;
        break;
      }
      if (path.dirname(current) === current) {
        root = null;
        break;
      }
      current = path.dirname(current);
    }
    // Every directory walked through has the same nearest package: each is asked once.
    for (const walked of visited) rootOf.set(walked, root);
    if (root) roots.add(root);
  }
  const found: string[] = [];
  for (const root of roots) found.push(...(await globby(SOURCE_FILES, GLOB_OPTIONS(root))).map((script) => path.resolve(script)));
  return found;
}
