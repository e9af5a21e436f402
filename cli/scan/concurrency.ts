// `unblock scan --concurrency auto|off|<n>`: how many threads to lint on (lint-threads.ts).

import { availableParallelism } from 'node:os';

export type Concurrency = 'auto' | 'off' | number;

/** Parses the option; the error names it. */
export function parseConcurrency(text: string): Concurrency {
  const value = text.trim();
  if (value === 'auto' || value === 'off') return value;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value))) return Number(value);
  throw new Error(`--concurrency takes auto, off or a number of threads of at least 1 (got "${text}")`);
}

/** Below this many files per thread, starting the threads costs more than they save. */
const FILES_PER_THREAD = 50;

/**
 * How many threads to lint `files` files on (1: this one). `auto` uses every core the machine
 * offers, one thread per 50 files at most. ESLint's own `auto` takes half the cores, which on the
 * 2-core machines CI runners are means one thread and no gain at all; unblock's rules do real work
 * per file (they follow helpers into other modules), so a thread per core pays.
 */
export function threadCount(setting: Concurrency, files: number, cores = availableParallelism()): number {
  const wanted = setting === 'off' ? 1 : setting === 'auto' ? Math.min(cores, Math.ceil(files / FILES_PER_THREAD)) : Math.min(setting, files);
  return Math.max(1, wanted);
}
