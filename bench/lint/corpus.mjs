// The lint benchmark's corpus: JS/TS sources of real server-side packages under node_modules
// (Express and its stack, Fastify-style tooling, ESLint itself), plus the bundled example.
// node_modules is pinned by package-lock.json, so the corpus is the same on every machine.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { globby } from 'globby';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The packages under node_modules whose sources make up the corpus (also read by scripts/robustness-fix.ts). */
const CORPUS_PACKAGES = JSON.parse(readFileSync(path.join(import.meta.dirname, 'corpus-packages.json'), 'utf8'));

const MAX_BYTES = 400_000;

/** `[{ file, source, code }]` sorted by path, at most `limit` files; `file` is the virtual path to lint under. */
export async function loadCorpus(limit = Infinity) {
  const roots = [
    ...CORPUS_PACKAGES.map((name) => path.join(repoRoot, 'node_modules', name)),
    path.join(repoRoot, 'examples'),
  ];
  const files = [];
  for (const root of roots) {
    const found = await globby('**/*.{js,mjs,cjs,ts,mts,cts}', {
      cwd: root,
      absolute: true,
      ignore: ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js', '**/node_modules/**'],
      followSymbolicLinks: false,
    }).catch(() => []);
    files.push(...found);
  }
  files.sort();
  const corpus = [];
  for (const file of files) {
    if (corpus.length >= limit) break;
    if (statSync(file).size > MAX_BYTES) continue;
    // ESLint never lints paths under node_modules, and the rules never follow imports into it: the
    // corpus is copied to .bench-corpus/ and linted there, so that each package's relative imports
    // resolve to files on disk and the module graph does the work it does on a real service.
    const virtual = path.join(repoRoot, '.bench-corpus', path.relative(repoRoot, file).replaceAll('node_modules', 'nm'));
    const code = readFileSync(file, 'utf8');
    materialize(virtual, code);
    corpus.push({ file: virtual, source: file, code });
  }
  return corpus;
}

/** Writes `code` to `file` unless it already holds it. */
function materialize(file, code) {
  try {
    if (readFileSync(file, 'utf8') === code) return;
  } catch {
    // Not there yet.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
}
