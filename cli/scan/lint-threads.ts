// `unblock scan --concurrency`: the files linted on several threads of this process. Not ESLint's
// own multithreaded linting (9.34+), though it was tried first: its threads take the next file from
// one shared list, so every thread meets files of every directory and summarises the same helper
// modules again; on a 2,000-file service two threads cost 1.4 times the CPU of one and ran no
// faster on two cores. Here the sorted file list is cut into runs of neighbouring files, several
// per thread, and a thread that is done asks for the next run: the work stays balanced, and the
// files that import the same helpers mostly meet on one thread.

import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

import type { ESLint } from 'eslint';

import type { Progress } from '../progress.js';
import type { ScanEslintSettings } from './eslint-options.js';
import type { LintedInOrder } from './lint-in-order.js';

export type ThreadRequest = { readonly kind: 'chunk'; readonly files: readonly string[] } | { readonly kind: 'exit' };
export type ThreadReply =
  | { readonly kind: 'file'; readonly file: string }
  | ({ readonly kind: 'chunk' } & LintedInOrder);

/** Runs of neighbouring files per thread: enough to even out the threads' loads, few enough to keep neighbours together. */
const CHUNKS_PER_THREAD = 4;

const THREAD_SCRIPT = new URL('./lint-thread.js', import.meta.url);

/**
 * Whether the thread script can be loaded: it is the built JavaScript. Run from the TypeScript
 * sources (the tests), it is not, and the scan stays on one thread.
 */
export function threadsLoadable(): boolean {
  return /\.js$/.test(fileURLToPath(import.meta.url));
}

/** `files` cut, in order, into about `count` runs of neighbouring files. */
export function neighbourRuns(files: readonly string[], count: number): string[][] {
  const size = Math.max(1, Math.ceil(files.length / count));
  const runs: string[][] = [];
  for (let start = 0; start < files.length; start += size) runs.push(files.slice(start, start + size));
  return runs;
}

/** Lints `files` (sorted) on `threads` threads. Rejects when a thread fails; the caller lints on one thread instead. */
export async function lintOnThreads(files: readonly string[], settings: ScanEslintSettings, threads: number, progress: Progress | undefined): Promise<LintedInOrder> {
  const runs = neighbourRuns(files, threads * CHUNKS_PER_THREAD);
  const results: ESLint.LintResult[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  const workers = Array.from({ length: Math.min(threads, runs.length) }, () => new Worker(THREAD_SCRIPT, { workerData: settings }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const handOut = (): void => {
              const run = runs[next++];
              worker.postMessage((run ? { kind: 'chunk', files: run } : { kind: 'exit' }) satisfies ThreadRequest);
              if (!run) resolve();
            };
            worker.on('message', (reply: ThreadReply) => {
              if (reply.kind === 'file') {
                progress?.tick(reply.file);
                return;
              }
              results.push(...reply.results);
              unreadable.push(...reply.unreadable);
              handOut();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a scan thread stopped with exit code ${code}`))));
            handOut();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, unreadable };
}
