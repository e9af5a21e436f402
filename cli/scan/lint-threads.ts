// `unblock scan --concurrency`: the files linted on several threads of this process, this one
// among them. Not ESLint's own multithreaded linting (9.34+), though it was tried first: its
// threads take the next file from one shared list, so every thread meets files of every directory
// and summarises the same helper modules again; on a 2,000-file service two threads cost 1.4
// times the CPU of one and ran no faster on two cores. Here each thread takes a run of
// neighbouring files from the sorted list, so that the files that import the same helpers mostly
// meet on one thread, and asks for the next run when it is done.
//
// The helper threads start before the scan has found its files: loading ESLint, the parser and
// the plugin takes a thread about a second, which they spend while this thread walks the tree and
// reads the files. The runs shrink as the list empties (guided self-scheduling): long runs of
// neighbours while there is much to do, short ones at the end, so that no thread sits idle while
// another finishes a long run.
//
// This thread lints too, rather than only handing out runs: a helper thread is a whole V8 of its
// own, with ESLint, the parser and TypeScript loaded and compiled again, and its own collector.

import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import type { Progress } from '../progress.js';
import { scanEslintOptions, type ScanEslintSettings } from './eslint-options.js';
import { lintInOrder, type LintedInOrder } from './lint-in-order.js';

export type ThreadRequest =
  | { readonly kind: 'settings'; readonly settings: ScanEslintSettings }
  | { readonly kind: 'chunk'; readonly files: readonly string[] }
  | { readonly kind: 'exit' };
export type ThreadReply =
  | { readonly kind: 'file'; readonly file: string }
  | ({ readonly kind: 'chunk' } & LintedInOrder);

/** The shortest run handed out: below it, a run's files share too few helpers to be worth keeping together. */
const MIN_RUN = 20;

const THREAD_SCRIPT = new URL('./lint-thread.js', import.meta.url);

/**
 * Whether the thread script can be loaded: it is the built JavaScript. Run from the TypeScript
 * sources (the tests), it is not, and the scan stays on one thread.
 */
export function threadsLoadable(): boolean {
  return /\.js$/.test(fileURLToPath(import.meta.url));
}

/**
 * The length of the next run, when `remaining` files are left for `threads` threads: half of a
 * thread's fair share of what is left, and never less than `minimum` (nor more than is left).
 */
export function nextRunLength(remaining: number, threads: number, minimum = MIN_RUN): number {
  return Math.min(remaining, Math.max(minimum, Math.ceil(remaining / (2 * threads))));
}

/** Threads that lint: this one, and helpers started ahead of the files they will be given. */
export class LintThreads {
  readonly #helpers: Worker[];
  /** The first error of any helper: one that fails before it is given work fails the run too. */
  readonly #failed: Promise<never>;

  private constructor(count: number) {
    this.#helpers = Array.from({ length: Math.max(0, count - 1) }, () => new Worker(THREAD_SCRIPT));
    this.#failed = new Promise<never>((_, reject) => {
      for (const worker of this.#helpers) {
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a scan thread stopped with exit code ${code}`));
        });
      }
    });
    // Nobody may be waiting yet: a failure is reported by lint(), not as an unhandled rejection.
    this.#failed.catch(() => undefined);
  }

  /**
   * Gets `count` threads ready, this one included: the helpers load ESLint and the plugin while
   * the caller finds the files.
   */
  static start(count: number): LintThreads {
    return new LintThreads(count);
  }

  /** The threads it can lint on, this one included. */
  get size(): number {
    return this.#helpers.length + 1;
  }

  /**
   * Lints `files` (sorted) on this thread and the first `threads - 1` helpers, with ESLint set up
   * from `settings`; the other helpers are stopped. Rejects when a thread fails; the caller lints
   * on one thread instead.
   */
  async lint(files: readonly string[], settings: ScanEslintSettings, threads: number, progress: Progress | undefined): Promise<LintedInOrder> {
    const helpers = this.#helpers.slice(0, Math.max(0, Math.min(threads, this.size) - 1));
    await Promise.all(this.#helpers.slice(helpers.length).map((worker) => worker.terminate()));
    const results: ESLint.LintResult[] = [];
    const unreadable: Array<{ file: string; message: string }> = [];
    let next = 0;
    let stopped = false;
    // After a failure the caller draws its own progress: nothing still running may tick this one.
    const tick = (file: string): void => {
      if (!stopped) progress?.tick(file);
    };
    const nextRun = (): readonly string[] => {
      if (stopped) return [];
      const run = files.slice(next, next + nextRunLength(files.length - next, helpers.length + 1));
      next += run.length;
      return run;
    };
    const handOut = (worker: Worker): boolean => {
      const run = nextRun();
      worker.postMessage((run.length > 0 ? { kind: 'chunk', files: run } : { kind: 'exit' }) satisfies ThreadRequest);
      return run.length > 0;
    };
    const done = helpers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.on('message', (reply: ThreadReply) => {
            if (reply.kind === 'file') {
              tick(reply.file);
              return;
            }
            results.push(...reply.results);
            unreadable.push(...reply.unreadable);
            if (!handOut(worker)) resolve();
          });
          worker.postMessage({ kind: 'settings', settings } satisfies ThreadRequest);
          if (!handOut(worker)) resolve();
        }),
    );
    // This thread reads the helpers' requests for their next run only when it goes back to the
    // event loop: when its read-ahead runs dry, about every 32 files (a helper waited 12–99 ms a run).
    const here = (async () => {
      const eslint = new ESLint(scanEslintOptions(settings));
      for (let run = nextRun(); run.length > 0; run = nextRun()) {
        const linted = await lintInOrder(eslint, run, tick);
        results.push(...linted.results);
        unreadable.push(...linted.unreadable);
      }
    })();
    try {
      await Promise.race([Promise.all([...done, here]), this.#failed]);
    } finally {
      // After a failure, this thread stops at the end of its run: the caller lints everything again.
      stopped = true;
    }
    return { results, unreadable };
  }

  /** Stops every helper. */
  async close(): Promise<void> {
    await Promise.all(this.#helpers.map((worker) => worker.terminate()));
  }
}
