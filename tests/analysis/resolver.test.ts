// ProjectResolver remembers its answers by directory and specifier: the same specifier from two
// directories must still name two different files, and a miss stays a miss.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ProjectResolver } from '../../analysis/module-graph/resolver.js';

const root = mkdtempSync(path.join(tmpdir(), 'unblock-resolver-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text = 'module.exports = 1;\n'): string {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('ProjectResolver', () => {
  it('resolves the same specifier from two directories to each its own file', () => {
    const resolver = new ProjectResolver();
    const a = write('a/util.js');
    const b = write('b/util.ts');
    for (let round = 0; round < 2; round++) {
      expect(resolver.resolve(write('a/one.js'), './util')).toEqual({ ok: true, file: a });
      expect(resolver.resolve(write('a/two.js'), './util.js')).toEqual({ ok: true, file: a });
      expect(resolver.resolve(write('b/one.ts'), './util.js')).toEqual({ ok: true, file: b });
    }
  });

  it('gives the same reason for a miss when asked again', () => {
    const resolver = new ProjectResolver();
    const from = write('c/index.js');
    const first = resolver.resolve(from, './missing');
    expect(first.ok).toBe(false);
    expect(resolver.resolve(from, './missing')).toEqual(first);
    expect(resolver.resolve(from, 'node:fs')).toMatchObject({ ok: false, expected: true });
  });
});
