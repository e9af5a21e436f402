// Abort: a task that has not started rejects with AbortError and never runs;
// a running task is stopped by terminating its worker (documented), and
// tasks queued behind it still run.

import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, ThreadPoolExecutor } from '@unblock/runtime';
import { createGate, recordRun, until, waitAtGate } from './helpers/gate.js';

let executor: ThreadPoolExecutor | undefined;
afterEach(async () => {
  await executor?.close();
  executor = undefined;
});

async function busySingleWorker() {
  executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'abort-test' });
  await executor.submit(() => 'warm');
  const gate = createGate();
  const blocker = executor.submit(waitAtGate, [gate.cells]);
  await until(() => gate.arrived() === 1, 'the blocking task to start');
  return { pool: executor, gate, blocker };
}

describe('aborting a task that has not started', () => {
  it('rejects at once with AbortError and the task never runs (prefetched by the busy worker)', async () => {
    const { pool, gate, blocker } = await busySingleWorker();
    const controller = new AbortController();
    const queued = pool.submit(recordRun, [gate.cells], { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve)); // let it be dispatched to the worker
    controller.abort(new Error('client went away'));
    const error = await queued.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).name).toBe('AbortError');
    expect((error as AbortError).code).toBe('ERR_UNBLOCK_ABORTED');
    expect((error as AbortError).phase).toBe('queued');
    expect(((error as Error).cause as Error).message).toBe('client went away');
    gate.open();
    expect(await blocker).toBe('passed the gate');
    // Anything submitted after it runs, proving the worker went past the aborted slot.
    expect(await pool.submit(recordRun, [gate.cells])).toBe('ran');
    expect(gate.ran()).toBe(1);
    // Aborted is its own count: neither completed nor failed.
    expect(pool.stats).toMatchObject({ aborted: 1, failed: 0, shed: 0 });
  });

  it('rejects and never runs when it is still in the executor queue', async () => {
    const { pool, gate, blocker } = await busySingleWorker();
    // Enough tasks ahead of it that it stays in the executor's own queue.
    const ahead = Array.from({ length: 40 }, () => pool.submit(() => 'ahead'));
    const controller = new AbortController();
    const queued = pool.submit(recordRun, [gate.cells], { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError', phase: 'queued' });
    gate.open();
    await blocker;
    await Promise.all(ahead);
    expect(gate.ran()).toBe(0);
  });

  it('rejects an already aborted signal without queueing anything', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'abort-test' });
    const gate = createGate();
    await expect(executor.submit(recordRun, [gate.cells], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(executor.stats.queued).toBe(0);
    expect(executor.stats.aborted).toBe(1);
    expect(gate.ran()).toBe(0);
  });
});

describe('aborting a running task', () => {
  it('rejects with AbortError, terminates its worker, and runs the tasks behind it elsewhere', async () => {
    executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'abort-test' });
    const pool = executor;
    await pool.submit(() => 'warm');
    const gate = createGate();
    const controller = new AbortController();
    const running = pool.submit(waitAtGate, [gate.cells], { signal: controller.signal });
    const behind = pool.submit(recordRun, [gate.cells]);
    await until(() => gate.arrived() === 1, 'the abortable task to start');
    controller.abort();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).phase).toBe('running');
    // The gate is still closed: the task was stopped, not waited for, and the
    // task behind it ran on the replacement worker.
    expect(await behind).toBe('ran');
    expect(gate.ran()).toBe(1);
    expect(await pool.submit(() => 'replacement works')).toBe('replacement works');
    // The terminated worker's task counts as aborted, not as a crash.
    expect(pool.stats).toMatchObject({ aborted: 1, failed: 0 });
  });
});
