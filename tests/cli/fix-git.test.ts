import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { parsePorcelainZ } from '../../codemods/engine/git-state.js';
import { commitAll, FIXTURES, git, hasGit, makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function committedProject(): string {
  const root = makeProject({ 'src/read.mjs': FIXTURES['src/read.mjs']!, 'src/clean.mjs': FIXTURES['src/clean.mjs']! });
  roots.push(root);
  commitAll(root);
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe.skipIf(!hasGit())('unblock fix in a git work tree', () => {
  it('fixes a clean tree', async () => {
    const root = committedProject();
    const { code } = await run(['fix', 'src'], root);
    expect(code).toBe(0);
    expect(read(root, 'src/read.mjs')).toContain('await readFile');
    expect(git(root, 'status', '--porcelain')).toBe(' M src/read.mjs\n');
  });

  it('refuses a dirty tree, listing the changes, and writes nothing', async () => {
    const root = committedProject();
    writeFileSync(path.join(root, 'src', 'clean.mjs'), 'export const answer = 43;\n');
    writeFileSync(path.join(root, 'untracked.txt'), 'new\n');
    const { code, stderr } = await run(['fix', 'src'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('uncommitted changes (2 files)');
    expect(stderr).toContain('  src/clean.mjs\n');
    expect(stderr).toContain('  untracked.txt\n');
    expect(stderr).toMatch(/commit or stash .* --force/s);
    expect(read(root, 'src/read.mjs')).toBe(FIXTURES['src/read.mjs']);
  });

  it('lists at most ten dirty files', async () => {
    const root = committedProject();
    for (let i = 0; i < 12; i++) writeFileSync(path.join(root, `new-${String(i).padStart(2, '0')}.txt`), '');
    const { stderr } = await run(['fix'], root);
    expect(stderr.match(/^ {2}new-/gm)).toHaveLength(10);
    expect(stderr).toContain('… and 2 more');
  });

  it('names dirty files relative to the working directory, from a subdirectory too', async () => {
    const root = committedProject();
    writeFileSync(path.join(root, 'src', 'clean.mjs'), 'export const answer = 43;\n');
    const { code, stderr } = await run(['fix', '.'], path.join(root, 'src'));
    expect(code).toBe(2);
    expect(stderr).toContain('  clean.mjs\n');
  });

  it('fixes a dirty tree with --force', async () => {
    const root = committedProject();
    writeFileSync(path.join(root, 'untracked.txt'), 'new\n');
    const { code } = await run(['fix', '--force'], root);
    expect(code).toBe(0);
    expect(read(root, 'src/read.mjs')).toContain('await readFile');
  });

  it('does not refuse --dry, which writes nothing', async () => {
    const root = committedProject();
    writeFileSync(path.join(root, 'untracked.txt'), 'new\n');
    const { code, stdout } = await run(['fix', '--dry'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('+++ b/src/read.mjs');
    expect(read(root, 'src/read.mjs')).toBe(FIXTURES['src/read.mjs']);
  });
});

describe('git status --porcelain -z', () => {
  it('reads paths, including renames (whose source follows) and paths with spaces', () => {
    expect(parsePorcelainZ(' M a.js\0R  new name.js\0old name.js\0?? dir/x.ts\0')).toEqual(['a.js', 'new name.js', 'dir/x.ts']);
    expect(parsePorcelainZ('')).toEqual([]);
  });
});
