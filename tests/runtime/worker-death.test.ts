// A worker that dies takes down only the task it was running: tasks it had
// prefetched run elsewhere, and the pool replaces it.

import { afterEach, describe, expect, it } from 'vitest';
import {
  ThreadPoolExecutor,
  WorkerCrashedError,
  WorkerExitedError,
  WorkerOutOfMemoryError,
} from '@unblock/runtime';

let executor: ThreadPoolExecutor | undefined;
afterEach(async () => {
  await executor?.close();
  executor = undefined;
});

const threadOf = (): number => process.getBuiltinModule('node:worker_threads').threadId;

// One worker, warmed up, so that a second task submitted with the fatal one
// is prefetched by the same worker behind it.
async function warmSingleWorker(options: ConstructorParameters<typeof ThreadPoolExecutor>[0] = {}): Promise<ThreadPoolExecutor> {
  executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'death-test', ...options });
  await executor.submit(() => 'warm');
  return executor;
}

describe('a worker that dies', () => {
  it('on process.exit rejects only its task, with the exit code', async () => {
    const pool = await warmSingleWorker();
    const firstThread = await pool.submit(threadOf);
    const fatal = pool.submit(() => process.exit(3));
    const behind = pool.submit(threadOf);
    const error = await fatal.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerExitedError);
    expect((error as WorkerExitedError).code).toBe('ERR_UNBLOCK_WORKER_EXITED');
    expect((error as WorkerExitedError).exitCode).toBe(3);
    // The prefetched task never started on the dead worker, so it ran on its replacement.
    expect(await behind).not.toBe(firstThread);
    expect(await pool.submit(() => 'next')).toBe('next');
    expect(pool.stats.workers).toBe(1);
  });

  it('on an uncaught error rejects only its task, with the error as cause', async () => {
    const pool = await warmSingleWorker();
    const fatal = pool.submit(async () => {
      setTimeout(() => {
        throw Object.assign(new Error('late boom'), { code: 'E_LATE' });
      }, 0);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    });
    const behind = pool.submit((n: number) => n * 2, [21]);
    const error = await fatal.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as WorkerCrashedError).code).toBe('ERR_UNBLOCK_WORKER_CRASHED');
    expect(((error as Error).cause as Error).message).toBe('late boom');
    expect((error as Error).message).toContain('late boom');
    expect(await behind).toBe(42);
  });

  it('out of memory under resourceLimits rejects only its task', async () => {
    const pool = await warmSingleWorker({ resourceLimits: { maxOldGenerationSizeMb: 24 } });
    const fatal = pool.submit(() => {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array<number>(100_000).fill(hoard.length));
    });
    const behind = pool.submit(() => 'survivor');
    const error = await fatal.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerOutOfMemoryError);
    expect((error as WorkerOutOfMemoryError).code).toBe('ERR_UNBLOCK_WORKER_OUT_OF_MEMORY');
    expect(await behind).toBe('survivor');
    expect(await pool.submit(() => 1 + 1)).toBe(2);
  });

  it('between tasks is reported as a warning, not swallowed', async () => {
    const pool = await warmSingleWorker();
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    // The task returns at once; the timer it leaves behind kills the idle worker.
    await pool.submit(() => {
      setTimeout(() => {
        throw new Error('stray timer');
      }, 20);
      return 'returned';
    });
    const warning = await warned;
    expect((warning as Error & { code?: string }).code).toBe('UNBLOCK_WORKER_CRASHED');
    expect(warning.message).toContain('stray timer');
    expect(await pool.submit(() => 'still works')).toBe('still works');
  });

  it('while many tasks are in flight fails exactly one of them', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'death-burst' });
    const pool = executor;
    const tasks = Array.from({ length: 200 }, (_, i) =>
      i === 57 ? pool.submit(() => process.exit(9)) : pool.submit((n: number) => n, [i]),
    );
    const outcomes = await Promise.allSettled(tasks);
    const rejected = outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [i] : []));
    expect(rejected).toEqual([57]);
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o).value)).toEqual(
      Array.from({ length: 200 }, (_, i) => i).filter((i) => i !== 57),
    );
  });
});
