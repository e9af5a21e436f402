// A real tree of package sources for the scale bench (`--real <n>`): `scan` and `fix` skip
// node_modules, so the sources are copied to a directory of their own, keeping each package's
// layout so that its relative imports still resolve. The lint bench's corpus (server-side
// packages, bench/lint/corpus.mjs) comes first; other packages of this repository's node_modules,
// in name order, make up the count. The lockfile pins them, so the tree is the same everywhere.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { globby } from 'globby';

import { loadCorpus, repoRoot } from '../lint/corpus.mjs';

const MAX_BYTES = 400_000;
const SOURCES = '**/*.{js,mjs,cjs}';
const IGNORE = ['**/*.min.js', '**/node_modules/**', '**/test/**', '**/tests/**', '**/__tests__/**'];

/** The package directories under node_modules, scoped ones included, in name order. */
function packages() {
  const top = path.join(repoRoot, 'node_modules');
  const found = [];
  for (const name of readdirSync(top).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) found.push(...readdirSync(path.join(top, name)).sort().map((inner) => `${name}/${inner}`));
    else found.push(name);
  }
  return found.map((name) => path.join(top, name));
}

/** Copies about `count` real source files under `dest`; returns how many were written. */
export async function writeRealTree(dest, count) {
  const copied = new Set();
  const copy = (source, code = readFileSync(source, 'utf8')) => {
    const relative = path.relative(path.join(repoRoot, 'node_modules'), source);
    if (copied.has(relative) || relative.startsWith('..')) return;
    const target = path.join(dest, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
    copied.add(relative);
    // The package's package.json too (not counted): its "type" says whether a .js file is ESM.
    const segments = relative.split(path.sep);
    const name = segments.slice(0, segments[0].startsWith('@') ? 2 : 1).join(path.sep);
    const manifest = path.join(repoRoot, 'node_modules', name, 'package.json');
    if (existsSync(manifest) && !existsSync(path.join(dest, name, 'package.json'))) copyFileSync(manifest, path.join(dest, name, 'package.json'));
  };
  for (const { source, code } of await loadCorpus(count)) copy(source, code);
  for (const dir of packages()) {
    if (copied.size >= count) break;
    const files = await globby(SOURCES, { cwd: dir, absolute: true, ignore: IGNORE, followSymbolicLinks: false }).catch(() => []);
    for (const file of files.sort()) {
      if (copied.size >= count) break;
      if (statSync(file).size <= MAX_BYTES) copy(file);
    }
  }
  return copied.size;
}
