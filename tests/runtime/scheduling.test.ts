// Prefetching makes bursts cheap; it must never leave work stuck behind a
// long task while another worker is free.

import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPoolExecutor } from '@unblock/runtime';
import { createGate, until, waitAtGate } from './helpers/gate.js';

let executor: ThreadPoolExecutor | undefined;
afterEach(async () => {
  await executor?.close();
  executor = undefined;
});

describe('scheduling', () => {
  it('runs long tasks side by side on different workers', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 3, name: 'spread-test' });
    const gate = createGate();
    const tasks = [1, 2, 3].map(() => executor!.submit(waitAtGate, [gate.cells]));
    // All three can only reach the gate if each got its own worker.
    await until(() => gate.arrived() === 3, 'three tasks running at once');
    expect(executor.stats).toMatchObject({ workers: 3, running: 3, queued: 0 });
    gate.open();
    await Promise.all(tasks);
  });

  it('lets an idle worker take the tasks prefetched behind a blocked one', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'steal-test' });
    const pool = executor;
    await Promise.all([pool.submit(() => 1), pool.submit(() => 2)]); // both workers up
    const gate = createGate();
    const blocked = pool.submit(waitAtGate, [gate.cells]);
    await until(() => gate.arrived() === 1, 'the blocking task to start');
    const shortOnes = Array.from({ length: 40 }, (_, i) => pool.submit((n: number) => n * n, [i]));
    // Half of them were prefetched by the blocked worker; they must still all
    // finish while it stays blocked.
    expect(await Promise.all(shortOnes)).toEqual(Array.from({ length: 40 }, (_, i) => i * i));
    expect(gate.arrived()).toBe(1);
    gate.open();
    expect(await blocked).toBe('passed the gate');
  });

  it('keeps every result with its own task under a large burst', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'burst-test' });
    const pool = executor;
    const results = await Promise.all(Array.from({ length: 5000 }, (_, i) => pool.submit((n: number) => `#${n}`, [i])));
    expect(results.every((value, i) => value === `#${i}`)).toBe(true);
    expect(pool.stats).toMatchObject({ completed: 5000, failed: 0, queued: 0, running: 0 });
  });
});
