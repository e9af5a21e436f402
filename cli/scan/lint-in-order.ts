// The one loop that lints files, on this thread or on a scan thread (lint-thread.ts): each file
// read ahead of its turn, one that cannot be read any more reported alone.

import type { ESLint } from 'eslint';

import { readAhead } from '../read-ahead.js';

export interface LintedInOrder {
  readonly results: ESLint.LintResult[];
  readonly unreadable: Array<{ file: string; message: string }>;
}

/** Lints `files` in order with `eslint`; `onFile` hears of each as its turn comes (the progress display). */
export async function lintInOrder(eslint: ESLint, files: readonly string[], onFile: (file: string) => void = () => undefined): Promise<LintedInOrder> {
  const results: ESLint.LintResult[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  for await (const read of readAhead(files)) {
    onFile(read.file);
    if ('error' in read) unreadable.push({ file: read.file, message: read.error });
    else results.push(...(await eslint.lintText(read.text, { filePath: read.file })));
  }
  return { results, unreadable };
}
