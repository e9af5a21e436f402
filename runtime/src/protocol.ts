// The wire format between the executor (main thread) and its workers. Both
// sides import this file, so a change here is a change to both ends at once.
//
// Messages are flat arrays: structured clone handles them faster than arrays
// of objects, and one message can carry many tasks or results.

import type { TransferListItem } from 'node:worker_threads';

/**
 * Each worker owns a small SharedArrayBuffer of task slots. The slot of a task
 * says, at any instant and race-free, whether the worker has started it. The
 * two sides only ever move a slot with compareExchange:
 *
 *   main:   PENDING → CANCELLED   (abort, steal or close before the task starts)
 *   worker: PENDING → RUNNING     (about to call the function)
 *   worker: RUNNING → DONE        (returned or threw; the reply is on its way)
 *   main:   RUNNING → KILLED      (abort while running: the worker is terminated)
 *
 * Whoever wins the exchange decides, so an aborted task either never runs or
 * is known to be running; and when a worker dies, the slot names the one task
 * that was running, so only that task is rejected and the rest are requeued.
 */
export const SLOT_PENDING = 1;
export const SLOT_RUNNING = 2;
export const SLOT_DONE = 3;
export const SLOT_CANCELLED = 4;
export const SLOT_KILLED = 5;

/** Slots per worker: the most tasks a worker can hold, running or prefetched. */
export const SLOTS_PER_WORKER = 64;

/**
 * A task message is TASK_FIELDS consecutive entries:
 *   seq, slot, callable id, definition (only the first time a worker sees the id,
 *   otherwise undefined), args array, where the args hold Buffers (BufferPaths
 *   from the args array, or undefined when they hold none).
 */
export const TASK_FIELDS = 6;

/** A reply is REPLY_FIELDS consecutive entries: seq, status, value, where the value holds Buffers (or undefined). */
export const REPLY_FIELDS = 4;
export const REPLY_OK = 0;
export const REPLY_ERROR = 1;
/** The task's slot was CANCELLED: the worker skipped it and frees the slot. */
export const REPLY_SKIPPED = 2;

/** Sent once by a worker when it can take tasks. */
export const READY_MESSAGE = 'unblock:ready';

/** How a callable is found in a worker: compiled from source, or imported by URL and export name. */
export const DEF_SOURCE = 0;
export const DEF_EXPORT = 1;
export type Definition =
  | readonly [kind: typeof DEF_SOURCE, source: string, name: string]
  | readonly [kind: typeof DEF_EXPORT, url: string, exportName: string];

export interface WorkerBootData {
  readonly slots: Int32Array;
}

/** Marker for `transfer()`: a value returned from a worker whose buffers move instead of being copied. */
export const TRANSFER_MARKER = Symbol.for('@unblock/runtime.transfer');
export interface TransferEnvelope {
  readonly [TRANSFER_MARKER]: true;
  readonly value: unknown;
  readonly transferList: readonly TransferListItem[];
}
