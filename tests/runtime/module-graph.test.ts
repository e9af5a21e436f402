// Users ship the runtime in production: importing it must not drag in the
// lint and codemod toolchain (ESLint, TypeScript, jscodeshift, ts-morph).

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, repoRoot, runNode } from './helpers/node.js';

const FORBIDDEN = [
  /\/node_modules\/eslint\//,
  /\/node_modules\/@eslint\//,
  /\/node_modules\/typescript\//,
  /\/node_modules\/@typescript-eslint\//,
  /\/node_modules\/jscodeshift\//,
  /\/node_modules\/ts-morph\//,
  /\/node_modules\/@ts-morph\//,
];

describe('the runtime module graph', () => {
  it('loads nothing of ESLint, TypeScript, jscodeshift or ts-morph, in the main thread or its workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unblock-graph-'));
    const out = join(dir, 'loads.txt');
    try {
      const run = await runNode(['--import', pathToFileURL(fixture('record-loads.mjs')).href, fixture('use-everything.mjs')], {
        env: { LOADS_OUT: out },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const loaded = [
        ...readFileSync(out, 'utf8').split('\n').filter(Boolean),
        ...run.stdout.split('\n').filter((line) => line.startsWith('cjs:')).map((line) => line.slice(4)),
      ];
      // The recording works: the runtime, its worker entry and the helper module were all seen.
      const root = pathToFileURL(repoRoot).href;
      expect(loaded).toContain(`${root}runtime/dist/index.js`);
      expect(loaded).toContain(`${root}runtime/dist/worker/entry.js`);
      expect(loaded.some((url) => url.endsWith('/fixtures/math.mjs'))).toBe(true);

      expect(loaded.filter((url) => FORBIDDEN.some((pattern) => pattern.test(url)))).toEqual([]);
      // Nor anything of this repository outside the runtime package.
      const outsideRuntime = loaded.filter(
        (url) => url.startsWith(root) && !url.startsWith(`${root}runtime/`) && !url.startsWith(`${root}tests/runtime/fixtures/`),
      );
      expect(outsideRuntime).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no runtime dependencies to install beside the user\'s own', () => {
    // The pool is built on node:worker_threads directly (see docs/runtime.md, "Why not piscina").
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'runtime', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies'] ?? {}).toEqual({});
    expect(manifest['peerDependencies'] ?? {}).toEqual({});
  });
});
