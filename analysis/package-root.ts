// The package a file belongs to: the nearest directory at or above it with a package.json. Asked
// for every file linted (tooling-file.ts) and for every file `unblock fix` reads, so each
// directory is looked at once; many files share a package.

import { existsSync } from 'node:fs';
import path from 'node:path';

const packageRoots = new Map<string, string | null>();

/** The nearest directory at or above `directory` with a package.json; null when there is none. */
export function packageRoot(directory: string): string | null {
  const known = packageRoots.get(directory);
  if (known !== undefined) return known;
  let root: string | null;
  if (existsSync(path.join(directory, 'package.json'))) root = directory;
  else {
    const parent = path.dirname(directory);
    root = parent === directory ? null : packageRoot(parent);
  }
  if (packageRoots.size > 20_000) packageRoots.clear();
  packageRoots.set(directory, root);
  return root;
}
