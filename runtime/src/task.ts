// One submitted call and the promise that reports it.

import type { TransferListItem } from 'node:worker_threads';
import type { Callable } from './callable.js';
import type { PoolWorker } from './pool-worker.js';

/** Where a dispatched task sits: a slot in one worker's slot array. */
export interface Ticket {
  /** undefined once the task was taken back (aborted, stolen or closed) before it started. */
  task: Task | undefined;
  readonly seq: number;
  readonly slot: number;
  readonly worker: PoolWorker;
}

export class Task {
  readonly seq: number;
  readonly callable: Callable;
  /** Kept until the task settles, so a task whose worker died before starting it can run elsewhere. */
  args: unknown[];
  readonly transferList: readonly TransferListItem[];
  /** Carries a large top-level argument: prefetching it only adds memory, not speed. */
  readonly heavy: boolean;
  readonly signal: AbortSignal | undefined;
  ticket: Ticket | undefined = undefined;
  settled = false;
  private readonly resolveFn: (value: unknown) => void;
  private readonly rejectFn: (reason: unknown) => void;
  private abortListener: (() => void) | undefined = undefined;

  constructor(
    seq: number,
    callable: Callable,
    args: unknown[],
    transferList: readonly TransferListItem[],
    signal: AbortSignal | undefined,
    resolve: (value: unknown) => void,
    reject: (reason: unknown) => void,
  ) {
    this.seq = seq;
    this.callable = callable;
    this.args = args;
    this.transferList = transferList;
    this.heavy = hasLargeArgument(args);
    this.signal = signal;
    this.resolveFn = resolve;
    this.rejectFn = reject;
  }

  /** Transferred buffers leave this thread with the first attempt, so such a task can never be retried or moved. */
  get movable(): boolean {
    return this.transferList.length === 0;
  }

  onAbort(listener: () => void): void {
    this.abortListener = listener;
    this.signal?.addEventListener('abort', listener, { once: true });
  }

  resolve(value: unknown): void {
    if (this.settle()) this.resolveFn(value);
  }

  reject(reason: unknown): void {
    if (this.settle()) this.rejectFn(reason);
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.args = EMPTY;
    if (this.abortListener !== undefined) this.signal?.removeEventListener('abort', this.abortListener);
    return true;
  }
}

const EMPTY: unknown[] = [];

/** From this size on, the copy dominates the per-message overhead that prefetching saves. */
export const LARGE_ARGUMENT_BYTES = 64 * 1024;

function hasLargeArgument(args: readonly unknown[]): boolean {
  for (const arg of args) {
    if (typeof arg === 'string' ? arg.length >= LARGE_ARGUMENT_BYTES : byteLength(arg) >= LARGE_ARGUMENT_BYTES) return true;
  }
  return false;
}

function byteLength(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return value.byteLength;
  return 0;
}
