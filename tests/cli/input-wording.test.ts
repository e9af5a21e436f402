// What scan and fix say about odd input, tried as a new user would: a symbolic link loop named on
// the command line, an empty directory, `fix --format json`, a legacy .eslintignore, and a run
// with both a finding and a file that does not parse.

import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { FIXTURES, makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('a symbolic link loop named on the command line', () => {
  it('is called a loop, not "path not found", by scan and by fix, and exits 2', async () => {
    const root = project({ 'src/clean.mjs': FIXTURES['src/clean.mjs']! });
    symlinkSync('loop', path.join(root, 'loop'));
    for (const command of [['scan'], ['fix', '--dry']]) {
      const { code, stderr } = await run([...command, 'loop', 'src'], root);
      expect(stderr).toContain('unblock: loop is a symbolic link loop (following it leads back to itself), so it was skipped');
      expect(stderr).not.toContain('path not found');
      expect(code).toBe(2);
    }
  });
});

describe('an empty directory', () => {
  it('exits 2 from scan and from fix alike, saying there is nothing to read', async () => {
    const root = project({ 'notes.txt': 'hello' });
    mkdirSync(path.join(root, 'empty'));
    const scan = await run(['scan', 'empty'], root);
    const fix = await run(['fix', 'empty'], root);
    expect(scan.stderr).toContain('no JavaScript or TypeScript files to scan');
    expect(fix.stderr).toContain('no JavaScript or TypeScript files to fix');
    expect([scan.code, fix.code]).toEqual([2, 2]);
  });
});

describe('fix --format json', () => {
  it('points at --json rather than suggesting --force', async () => {
    const root = project({ 'src/read.mjs': FIXTURES['src/read.mjs']! });
    const { code, stderr } = await run(['fix', '--format', 'json', 'src'], root);
    expect(stderr).toContain('unblock fix has no --format (that is unblock scan\'s); for a JSON report, use --json (or --json <file>)');
    expect(stderr).not.toContain('--force');
    expect(code).toBe(2);
  });
});

describe('a .eslintignore in the working directory', () => {
  it('is read like a .gitignore by scan and fix, without ESLint\'s deprecation warning', async () => {
    const root = project({ '.eslintignore': '# vendored code\nvendor/\n', 'vendor/lib.mjs': FIXTURES['src/read.mjs']!, 'src/read.mjs': FIXTURES['src/read.mjs']! });
    const warnings = vi.spyOn(process, 'emitWarning');
    try {
      const scan = await run(['scan', '--format', 'json', '.'], root);
      expect((JSON.parse(scan.stdout) as Array<{ filePath: string }>).map((result) => path.relative(root, result.filePath))).toEqual([path.join('src', 'read.mjs')]);
      const fix = JSON.parse((await run(['fix', '--dry', '--json', '-', '.'], root)).stdout) as { files: Array<{ file: string }> };
      expect(fix.files.map((file) => file.file)).toEqual(['src/read.mjs']);
      expect(warnings.mock.calls.map((call) => String(call[0]))).not.toContainEqual(expect.stringContaining('.eslintignore'));
    } finally {
      warnings.mockRestore();
    }
  });
});

describe('stylish output with a finding and a file that does not parse', () => {
  it('counts one problem, the blocking call, and says plainly that the other file could not be parsed', async () => {
    const root = project({ 'src/read.mjs': FIXTURES['src/read.mjs']!, 'src/broken.js': FIXTURES['src/broken.js']! });
    const { code, stdout, stderr } = await run(['scan', 'src'], root);
    expect(stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(stdout).not.toContain('broken.js');
    expect(stderr).toMatch(/unblock: could not parse src\/broken\.js:2:\d+: /);
    expect(stderr).toContain('unblock: scanned 2 files; 1 blocking call in 1 file; 1 file could not be parsed');
    expect(code).toBe(1);
  });
});
