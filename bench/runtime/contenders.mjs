// The four ways to run a task on another thread that the bench compares,
// behind one interface: call(op, value, transfer) → Promise.

import { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ThreadPoolExecutor, workerModule } from '@unblock/runtime';

const TASKS = new URL('./tasks.mjs', import.meta.url);

/** Bare workers and a Map of pending ids: the least any pool can do. */
export function floor(threads) {
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./floor-worker.mjs', import.meta.url)));
  const pending = new Map();
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, value }) => {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve(value);
    });
  }
  return {
    name: 'bare worker (floor)',
    call(op, value, transfer) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        workers[id % threads].postMessage({ id, op, value }, transfer ? [value.buffer] : undefined);
      });
    },
    close: () => Promise.all(workers.map((worker) => worker.terminate())),
  };
}

/** piscina as its README shows it, with the thread count of the others. */
export function piscina(threads) {
  const pool = new Piscina({ filename: TASKS.href, minThreads: threads, maxThreads: threads });
  return {
    name: 'piscina',
    call: (op, value, transfer) => pool.run(value, { name: op, transferList: transfer ? [value.buffer] : undefined }),
    close: () => pool.destroy(),
  };
}

const inline = {
  echo: (value) => value,
  size: (bytes) => bytes.byteLength,
};

export function offload(threads) {
  const executor = new ThreadPoolExecutor({ maxWorkers: threads, name: 'bench-offload' });
  return {
    name: 'offload',
    executor,
    call: (op, value, transfer) => executor.submit(inline[op], [value], transfer ? { transferList: [value.buffer] } : undefined),
    close: () => executor.close(),
  };
}

export function moduleProxy(threads) {
  const executor = new ThreadPoolExecutor({ maxWorkers: threads, name: 'bench-workerModule' });
  const tasks = workerModule(TASKS, { executor });
  return {
    name: 'workerModule',
    executor,
    call: (op, value, transfer) =>
      transfer ? executor.submit(tasks[op], [value], { transferList: [value.buffer] }) : tasks[op](value),
    close: () => executor.close(),
  };
}
