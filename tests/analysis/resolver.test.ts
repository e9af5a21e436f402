// ProjectResolver remembers its answers by directory and specifier: the same specifier from two
// directories must still name two different files, and a miss stays a miss until a file appears
// where it was looked for, or the answers' lifetime is over.

import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

  it('finds a file created where an import found none, at its next look a second later', () => {
    const start = Date.now();
    const resolver = new ProjectResolver(start);
    const from = write('later/index.js');
    // A directory's mtime may tick only every few milliseconds: date it back, so that the file
    // created below changes it however fast the test runs.
    utimesSync(path.dirname(from), new Date(start - 60_000), new Date(start - 60_000));
    expect(resolver.resolve(from, './helper').ok).toBe(false);
    expect(resolver.refresh(start + 1_500)).toBe(false);
    const helper = write('later/helper.js');
    // Remembered until it looks again, and it looks at most once a second.
    expect(resolver.resolve(from, './helper').ok).toBe(false);
    expect(resolver.refresh(start + 1_800)).toBe(false);
    expect(resolver.refresh(start + 3_000)).toBe(true);
    expect(resolver.resolve(from, './helper')).toEqual({ ok: true, file: helper });
  });

  it('finds a file created in a directory that did not exist when the import failed', () => {
    const start = Date.now();
    const resolver = new ProjectResolver(start);
    const from = write('nested/index.js');
    expect(resolver.resolve(from, './lib/helper.js').ok).toBe(false);
    const helper = write('nested/lib/helper.js');
    expect(resolver.refresh(start + 1_500)).toBe(true);
    expect(resolver.resolve(from, './lib/helper.js')).toEqual({ ok: true, file: helper });
  });

  it('trusts an answer that resolved for its lifetime, then looks again', () => {
    const start = Date.now();
    const resolver = new ProjectResolver(start);
    const from = write('renamed/index.ts');
    const js = write('renamed/config.js');
    expect(resolver.resolve(from, './config.js')).toEqual({ ok: true, file: js });
    unlinkSync(js);
    const ts = write('renamed/config.ts');
    expect(resolver.refresh(start + 2_000)).toBe(false);
    expect(resolver.resolve(from, './config.js')).toEqual({ ok: true, file: js });
    expect(resolver.refresh(start + 31_000)).toBe(true);
    expect(resolver.resolve(from, './config.js')).toEqual({ ok: true, file: ts });
  });
});
