// close(): running work finishes, waiting work is rejected (never silently
// dropped), and nothing new is accepted.

import { describe, expect, it } from 'vitest';
import { ExecutorClosedError, ThreadPoolExecutor } from '@unblock/runtime';
import { createGate, recordRun, until, waitAtGate } from './helpers/gate.js';

describe('close()', () => {
  it('finishes running work, rejects waiting work, then ends the workers', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 2, name: 'close-test' });
    const gate = createGate();
    const running = [pool.submit(waitAtGate, [gate.cells]), pool.submit(waitAtGate, [gate.cells])];
    await until(() => gate.arrived() === 2, 'both workers to be busy');
    // Some of these are prefetched by the busy workers, the rest wait in the executor.
    const waiting = Array.from({ length: 50 }, () => pool.submit(recordRun, [gate.cells]));

    const closed = pool.close();
    const outcomes = await Promise.allSettled(waiting);
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof ExecutorClosedError)).toBe(true);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_UNBLOCK_EXECUTOR_CLOSED' });

    let closeResolved = false;
    void closed.then(() => {
      closeResolved = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closeResolved).toBe(false); // still waiting for the running tasks

    gate.open();
    expect(await Promise.all(running)).toEqual(['passed the gate', 'passed the gate']);
    await closed;
    expect(gate.ran()).toBe(0);
    expect(pool.stats).toMatchObject({ workers: 0, running: 0, queued: 0, closed: true });
  });

  it('rejects work submitted after it', async () => {
    const pool = new ThreadPoolExecutor({ maxWorkers: 1, name: 'close-test' });
    await pool.close();
    await expect(pool.submit(() => 1)).rejects.toBeInstanceOf(ExecutorClosedError);
  });

  it('returns the same promise when called again, and resolves for an unused pool', async () => {
    const pool = new ThreadPoolExecutor({ minWorkers: 1, maxWorkers: 1, name: 'close-test' });
    const first = pool.close();
    expect(pool.close()).toBe(first);
    await first;
    expect(pool.stats.workers).toBe(0);
  });
});
