import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeFileAtomic } from '../../codemods/engine/atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'unblock-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('writeFileAtomic', () => {
  it('replaces the contents, keeps the mode, and leaves no temporary file', async () => {
    const file = path.join(dir, 'a.js');
    writeFileSync(file, 'old');
    chmodSync(file, 0o741);
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o7777).toBe(0o741);
    expect(readdirSync(dir)).toEqual(['a.js']);
  });

  it('writes through a symbolic link, keeping the link', async () => {
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'a.js'), 'old');
    symlinkSync(path.join(dir, 'real', 'a.js'), path.join(dir, 'link.js'));
    await writeFileAtomic(path.join(dir, 'link.js'), 'new');
    expect(lstatSync(path.join(dir, 'link.js')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real', 'a.js'), 'utf8')).toBe('new');
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['a.js']);
  });

  it('removes its temporary file when the rename fails', async () => {
    // Renaming a file over a non-empty directory fails after the temp file is written.
    mkdirSync(path.join(dir, 'target'));
    writeFileSync(path.join(dir, 'target', 'keep'), '');
    await expect(writeFileAtomic(path.join(dir, 'target'), 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
  });

  it('fails without leaving anything behind when the directory is not writable', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const file = path.join(dir, 'a.js');
    writeFileSync(file, 'old');
    chmodSync(dir, 0o500);
    try {
      await expect(writeFileAtomic(file, 'new')).rejects.toThrow(/EACCES/);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual(['a.js']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});
