// maxQueue lets a server shed load: once that many tasks wait, new work is
// rejected at once instead of growing memory.

import { afterEach, describe, expect, it } from 'vitest';
import { QueueFullError, ThreadPoolExecutor } from '@unblock/runtime';
import { createGate, recordRun, until, waitAtGate } from './helpers/gate.js';

let executor: ThreadPoolExecutor | undefined;
afterEach(async () => {
  await executor?.close();
  executor = undefined;
});

async function fullPool(maxQueue: number) {
  executor = new ThreadPoolExecutor({ maxWorkers: 1, maxQueue, name: 'queue-test' });
  const pool = executor;
  const gate = createGate();
  const running = pool.submit(waitAtGate, [gate.cells]);
  await until(() => gate.arrived() === 1, 'the worker to be busy');
  const waiting = Array.from({ length: maxQueue }, () => pool.submit(recordRun, [gate.cells]));
  return { pool, gate, running, waiting };
}

describe('maxQueue', () => {
  it('rejects new work at once with QueueFullError when full, and the rejected task never runs', async () => {
    const { pool, gate, running, waiting } = await fullPool(3);
    expect(pool.stats.queued).toBe(3);
    const error = await pool.submit(recordRun, [gate.cells]).catch((e: unknown) => e);
    // Rejected while the work ahead of it is still blocked: it did not wait for room.
    expect(gate.arrived()).toBe(1);
    expect(pool.stats.running).toBe(1);
    // A server reads what it shed from stats; the task is neither completed nor failed.
    expect(pool.stats).toMatchObject({ shed: 1, failed: 0, aborted: 0 });
    expect(error).toBeInstanceOf(QueueFullError);
    expect((error as QueueFullError).code).toBe('ERR_UNBLOCK_QUEUE_FULL');
    expect((error as QueueFullError).maxQueue).toBe(3);
    gate.open();
    await running;
    expect(await Promise.all(waiting)).toEqual(['ran', 'ran', 'ran']);
    expect(gate.ran()).toBe(3);
    expect(pool.stats).toMatchObject({ shed: 1, completed: 4, failed: 0 });
  });

  it('accepts work again once the queue drains', async () => {
    const { pool, gate, running, waiting } = await fullPool(1);
    await expect(pool.submit(() => 'too many')).rejects.toBeInstanceOf(QueueFullError);
    gate.open();
    await Promise.all([running, ...waiting]);
    expect(await pool.submit(() => 'room again')).toBe('room again');
  });

  it('with 0 runs only what a worker can start now', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 1, maxQueue: 0, name: 'queue-test' });
    const gate = createGate();
    const running = executor.submit(waitAtGate, [gate.cells]);
    await expect(executor.submit(() => 'no room')).rejects.toBeInstanceOf(QueueFullError);
    gate.open();
    expect(await running).toBe('passed the gate');
  });

  it('counts a synchronous burst against free workers first: maxWorkers 2 + maxQueue 2 accepts 4 of 6', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 2, maxQueue: 2, name: 'queue-test' });
    const pool = executor;
    const gate = createGate();
    // Six submits in one tick, before any worker has started: two can start at once, two may wait.
    const outcomes = Array.from({ length: 6 }, () => pool.submit(waitAtGate, [gate.cells]).then(
      () => 'accepted',
      (error: unknown) => (error instanceof QueueFullError ? 'full' : error),
    ));
    await until(() => gate.arrived() === 2, 'both workers to be busy');
    gate.open();
    expect(await Promise.all(outcomes)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'full', 'full']);
  });
});
