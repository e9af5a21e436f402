// A temporary project on disk for the tests that need real files (the module graph reads and
// stats them): made under the OS's temp directory, removed when the test file ends.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll } from 'vitest';

export interface TempTree {
  readonly root: string;
  /** Writes `text` to `file` (relative to the root), making its directories; returns the absolute path. */
  readonly write: (file: string, text: string) => string;
}

export function tempTree(prefix: string): TempTree {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    write: (file, text) => {
      const full = path.join(root, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
  };
}
