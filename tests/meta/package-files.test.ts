// What `npm publish` would ship, from `npm pack --dry-run --json` on both packages: the built
// code, its types, the docs and the licence, and none of the build's by-products (source maps
// pointing at sources that are not shipped, tsc's incremental state) nor sources and tests.
// Scripts are skipped: `npm test` builds first (pretest), so dist/ is current.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { codemodNames } from '../../codemods/registry.js';
import { repoRoot } from '../helpers/lint.js';

interface PackResult {
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

function packedFiles(directory: string): string[] {
  const stdout = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [result] = JSON.parse(stdout) as PackResult[];
  return (result?.files ?? []).map((file) => file.path).sort();
}

function manifest(directory: string): Record<string, unknown> & { scripts: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
}

/** Build output nobody can use from the tarball: maps to unshipped sources, tsc's incremental state. */
const BUILD_LEFTOVERS = /(?:\.map|\.tsbuildinfo)$/;
/** A TypeScript source rather than a declaration file. */
const SOURCE = /(?<!\.d)\.[cm]?tsx?$/;

describe.each([
  {
    name: 'unblock',
    directory: repoRoot,
    required: [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/rules/index.js',
      'dist/rules/index.d.ts',
      'dist/analysis/settings-schema.js',
      'dist/analysis/settings-schema.d.ts',
      'dist/cli/bin.js',
      'docs/settings.md',
      ...codemodNames().flatMap((name) => [`dist/codemods/${name}/transform.js`, `dist/codemods/${name}/transform.d.ts`, `codemods/${name}/README.md`]),
    ],
  },
  {
    name: '@unblock/runtime',
    directory: path.join(repoRoot, 'runtime'),
    required: ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/worker/entry.js'],
  },
])('the $name tarball', ({ directory, required }) => {
  const files = packedFiles(directory);

  it('holds the built code, its types, the README and the licence', () => {
    expect(files).toEqual(expect.arrayContaining(required));
  });

  it('holds no source maps, no tsc build state, no sources and no tests', () => {
    expect(files.filter((file) => BUILD_LEFTOVERS.test(file))).toEqual([]);
    expect(files.filter((file) => SOURCE.test(file))).toEqual([]);
    expect(files.filter((file) => /^(?:tests|src|node_modules|bench|scripts)\//.test(file))).toEqual([]);
  });

  it('builds before it packs, and says where it comes from', () => {
    const pkg = manifest(directory);
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/\btsc\b/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringContaining('github.com/unblock-dev/unblock') as unknown });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\/.*\/issues$/) as unknown });
  });
});
