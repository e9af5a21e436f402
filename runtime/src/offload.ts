// asyncio.to_thread and loop.run_in_executor, for Node.

import { getDefaultExecutor } from './default-executor.js';
import type { ThreadPoolExecutor } from './executor.js';

/**
 * Runs `fn(...args)` on a worker thread of the default executor and resolves
 * to its result (like Python's `asyncio.to_thread`).
 *
 * `fn` is sent as source text and compiled in the worker, so it must be
 * self-contained: it sees its parameters and the worker's globals, never the
 * variables around it. Arguments and result are structured-cloned.
 */
export function offload<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
  return getDefaultExecutor().submit(fn, args);
}

/**
 * Runs `fn(...args)` on `executor`, or on the default executor when it is
 * undefined (like Python's `loop.run_in_executor(None, fn, *args)`).
 */
export function runInExecutor<A extends unknown[], R>(
  executor: ThreadPoolExecutor | undefined,
  fn: (...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  return (executor ?? getDefaultExecutor()).submit(fn, args);
}
