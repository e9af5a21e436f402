// ThreadPoolExecutor: Python's concurrent.futures.ThreadPoolExecutor for
// Node. Tasks wait in one FIFO queue; each worker runs its tasks one at a
// time. Short tasks are prefetched into busy workers (several per message),
// which is what makes bursts cheap, and an idle worker takes back half of
// another's prefetched tasks, so long tasks do not pile up behind each other.

import { performance } from 'node:perf_hooks';
import type { TransferListItem } from 'node:worker_threads';
import { withCallSite } from './call-site.js';
import { callableFor, type Callable } from './callable.js';
import { errorHeadline } from './error-headline.js';
import { decodeThrown } from './error-transport.js';
import {
  AbortError,
  ArgumentNotCloneableError,
  ExecutorClosedError,
  FreeVariableError,
  InvalidArgumentError,
  QueueFullError,
  WorkerCrashedError,
  WorkerExitedError,
  WorkerOutOfMemoryError,
  WorkerStartError,
} from './errors.js';
import { resolveOptions, type ExecutorOptions, type ResolvedOptions } from './options.js';
import { PoolWorker, type PoolWorkerEvents } from './pool-worker.js';
import type { BufferPaths } from './buffer-paths.js';
import { restoreBuffers } from './buffer-restore.js';
import {
  REPLY_ERROR,
  REPLY_FIELDS,
  REPLY_OK,
  SLOT_CANCELLED,
  SLOT_KILLED,
  SLOT_PENDING,
  SLOT_RUNNING,
} from './protocol.js';
import { Task } from './task.js';
import { TaskQueue } from './task-queue.js';

/**
 * Most tasks a busy worker holds: the running one plus prefetched ones.
 * Enough to cover a round trip to the main thread when tasks take
 * microseconds; stealing keeps it harmless when they take seconds.
 */
export const PIPELINE_DEPTH = 16;

/** Distinct functions a worker may hold compiled before it is replaced once idle. */
export const MAX_CALLABLES_PER_WORKER = 2048;

export interface SubmitOptions {
  /** Aborting rejects with AbortError: a waiting task never runs; a running one has its worker terminated. */
  readonly signal?: AbortSignal | undefined;
  /** ArrayBuffers (or MessagePorts) among the arguments to move to the worker instead of copying. */
  readonly transferList?: readonly TransferListItem[] | undefined;
}

export interface ExecutorStats {
  readonly name: string;
  /** Live worker threads. */
  readonly workers: number;
  readonly idleWorkers: number;
  /** Tasks running now (one per busy worker). */
  readonly running: number;
  /** Tasks accepted but not started: in the queue or prefetched by a busy worker. */
  readonly queued: number;
  readonly completed: number;
  readonly failed: number;
  /** Tasks whose signal aborted them, in any phase (see `submit`); in neither `completed` nor `failed`. */
  readonly aborted: number;
  /** Submissions turned away because `maxQueue` tasks were already waiting: the load a server shed. */
  readonly shed: number;
  readonly closed: boolean;
}

export class ThreadPoolExecutor {
  readonly options: ResolvedOptions;
  readonly #workers = new Set<PoolWorker>();
  readonly #queue = new TaskQueue<Task>();
  readonly #events: PoolWorkerEvents;
  readonly #pump = (): void => this.#dispatch();
  #seq = 0;
  #pumpScheduled = false;
  #reaper: NodeJS.Timeout | undefined = undefined;
  #startFailure: unknown = undefined;
  #completed = 0;
  #failed = 0;
  #aborted = 0;
  #shed = 0;
  #closed = false;
  #closing: Promise<void> | undefined = undefined;
  #onDrained: (() => void) | undefined = undefined;

  constructor(options?: ExecutorOptions) {
    this.options = Object.freeze(resolveOptions(options));
    this.#events = {
      onReady: (worker) => this.#onReady(worker),
      onReplies: (worker, replies) => this.#onReplies(worker, replies),
      onExit: (worker, code) => this.#onExit(worker, code),
    };
    this.#ensureMinWorkers();
  }

  /**
   * Runs `fn(...args)` in a worker. `fn` must be self-contained (see `offload`),
   * or a function taken from a `workerModule` proxy.
   */
  submit<A extends unknown[], R>(fn: (...args: A) => R, args?: A, options?: SubmitOptions): Promise<Awaited<R>> {
    let callable: Callable;
    try {
      callable = this.#admit(fn, args, options);
    } catch (error) {
      // #admit throws only the runtime's own errors; a caller awaits them rather than catching a throw.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
    return new Promise<Awaited<R>>((resolve, reject) => {
      const task = new Task(
        ++this.#seq,
        callable,
        args ?? [],
        options?.transferList ?? [],
        options?.signal,
        resolve as (value: unknown) => void,
        reject,
      );
      if (task.signal !== undefined) task.onAbort(() => this.#abort(task));
      this.#queue.push(task);
      if (!this.#pumpScheduled) {
        this.#pumpScheduled = true;
        queueMicrotask(this.#pump);
      }
    });
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.#closed;
  }

  get stats(): ExecutorStats {
    let workers = 0;
    let idle = 0;
    let running = 0;
    let prefetched = 0;
    for (const worker of this.#workers) {
      if (worker.retiring) continue;
      workers++;
      if (worker.active === 0) idle++;
      else {
        running++;
        prefetched += worker.active - 1;
      }
    }
    return {
      name: this.options.name,
      workers,
      idleWorkers: idle,
      running,
      queued: this.#queue.size + prefetched,
      completed: this.#completed,
      failed: this.#failed,
      aborted: this.#aborted,
      shed: this.#shed,
      closed: this.#closed,
    };
  }

  /**
   * Stops accepting work, rejects every task that has not started with
   * ExecutorClosedError, lets running tasks finish, then ends the workers.
   * Resolves when they have exited. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    this.#closed = true;
    const closedError = (): Error =>
      new ExecutorClosedError(this.options.name, 'the task was still waiting when close() was called; it never ran');
    for (const task of this.#queue.drain()) task.reject(closedError());
    for (const worker of this.#workers) {
      for (const task of worker.takeBackWaiting(Infinity, false)) task.reject(closedError());
    }
    if (this.#reaper !== undefined) clearTimeout(this.#reaper);
    this.#closing = new Promise<void>((resolve) => {
      this.#onDrained = resolve;
    });
    this.#finishClosingIfDrained();
    return this.#closing;
  }

  // Throws why the task cannot be accepted; returns what to run otherwise.
  #admit(fn: unknown, args: unknown, options: SubmitOptions | undefined): Callable {
    if (args !== undefined && !Array.isArray(args)) {
      throw new InvalidArgumentError(`\`args\` must be an array of arguments; received ${typeof args}`);
    }
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new InvalidArgumentError('the submit options must be an object: { signal, transferList }');
    }
    const signal: unknown = options?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new InvalidArgumentError('`signal` must be an AbortSignal');
    }
    if (options?.transferList !== undefined && !Array.isArray(options.transferList)) {
      throw new InvalidArgumentError('`transferList` must be an array');
    }
    const callable = callableFor(fn);
    if (this.#closed) throw new ExecutorClosedError(this.options.name, 'it accepts no new work after close()');
    if (signal?.aborted === true) {
      this.#aborted++;
      throw new AbortError(signal.reason, 'queued');
    }
    if (this.options.maxQueue !== Infinity && this.#wouldWait() && this.#waiting() >= this.options.maxQueue) {
      this.#shed++;
      throw new QueueFullError(this.options.name, this.options.maxQueue);
    }
    return callable;
  }

  // Tasks that could not start at once if the pool dispatched now. Queued tasks first fill idle
  // workers and the room to start new ones (submits are synchronous and dispatch runs a tick
  // later, so a burst sits in the queue meanwhile), and only the rest wait; so do tasks
  // prefetched behind a busy worker's running one.
  #waiting(): number {
    let prefetched = 0;
    for (const worker of this.#workers) if (!worker.retiring && worker.active > 1) prefetched += worker.active - 1;
    return Math.max(0, this.#queue.size - this.#freeSlots()) + prefetched;
  }

  // True when one more task could not start at once either.
  #wouldWait(): boolean {
    return this.#queue.size >= this.#freeSlots();
  }

  // Idle workers plus the workers the pool may still start.
  #freeSlots(): number {
    let free = this.options.maxWorkers - this.#liveWorkers();
    for (const worker of this.#workers) if (!worker.retiring && worker.active === 0) free++;
    return free;
  }

  #dispatch(): void {
    this.#pumpScheduled = false;
    const queue = this.#queue;
    if (queue.size === 0) return;
    // 1. Idle workers, ready or still starting, take one task each.
    for (const worker of this.#workers) {
      if (queue.size === 0) break;
      if (worker.active === 0 && !worker.retiring) worker.assign(queue.shift() as Task);
    }
    // 2. Start workers for what is left, up to maxWorkers.
    while (queue.size > 0 && this.#liveWorkers() < this.options.maxWorkers) {
      this.#spawn().assign(queue.shift() as Task);
    }
    // 3. Prefetch into ready workers, round robin. A task with a transferList
    //    waits for an idle worker: its buffers could not follow it elsewhere.
    //    A task with a large argument is prefetched one deep, so the worker
    //    has its next input at hand without holding many copies.
    let filled = true;
    while (queue.size > 0 && filled) {
      filled = false;
      for (const worker of this.#workers) {
        const next = queue.peek();
        if (next === undefined || !next.movable) break;
        const depth = next.heavy ? 2 : PIPELINE_DEPTH;
        if (!worker.ready || worker.retiring || worker.active >= depth || !worker.hasRoom) continue;
        worker.assign(queue.shift() as Task);
        filled = true;
      }
    }
    for (const worker of this.#workers) {
      for (const { task, error } of worker.flush()) {
        this.#failed++;
        task.reject(new ArgumentNotCloneableError(task.callable.label, error));
      }
    }
  }

  #spawn(): PoolWorker {
    const worker = new PoolWorker(this.options.resourceLimits, this.#events);
    this.#workers.add(worker);
    return worker;
  }

  #liveWorkers(): number {
    let live = 0;
    for (const worker of this.#workers) if (!worker.retiring) live++;
    return live;
  }

  #ensureMinWorkers(): void {
    if (this.#closed || this.#startFailure !== undefined) return;
    while (this.#liveWorkers() < this.options.minWorkers) this.#spawn();
  }

  #onReady(worker: PoolWorker): void {
    this.#startFailure = undefined;
    this.#afterProgress(worker);
  }

  #onReplies(worker: PoolWorker, replies: unknown[]): void {
    for (let i = 0; i < replies.length; i += REPLY_FIELDS) {
      const ticket = worker.takeOldest(replies[i] as number);
      const task = ticket?.task;
      if (task === undefined) continue; // a skipped task that had been taken back
      task.ticket = undefined;
      worker.release();
      const status = replies[i + 1];
      const value = replies[i + 2];
      if (task.settled) continue; // aborted after it finished
      if (status === REPLY_OK) {
        this.#completed++;
        const buffers = replies[i + 3] as BufferPaths | undefined;
        task.resolve(buffers === undefined ? value : restoreBuffers(value, buffers));
      } else if (status === REPLY_ERROR) {
        this.#failed++;
        const error = decodeThrown(value);
        // A free variable is the sender's mistake: say which call sent the function.
        task.reject(error instanceof FreeVariableError && task.callable.origin ? withCallSite(error, task.callable.origin) : error);
      } else {
        this.#queue.unshiftAll([task]); // skipped yet still ours: cannot happen, but never drop a task
      }
    }
    this.#afterProgress(worker);
  }

  #afterProgress(worker: PoolWorker): void {
    if (this.#closed) {
      this.#finishClosingIfDrained();
      return;
    }
    if (worker.active === 0 && !worker.retiring && worker.knownCallables > MAX_CALLABLES_PER_WORKER) {
      // Each worker keeps every function it was sent, compiled. A program that offloads ever new
      // sources would grow that without end, so an idle worker that holds too many is replaced.
      worker.retire();
    } else if (worker.active === 0 && !worker.retiring) {
      if (this.#queue.size === 0) this.#stealFor(worker);
      if (worker.active === 0 && this.#liveWorkers() > this.options.minWorkers) this.#armReaper(this.options.idleTimeoutMs);
    }
    if (this.#queue.size > 0) this.#dispatch();
  }

  // An idle worker takes half of the waiting tasks of the most loaded worker.
  #stealFor(thief: PoolWorker): void {
    let victim: PoolWorker | undefined;
    for (const worker of this.#workers) {
      if (worker !== thief && !worker.retiring && worker.active > 1 && (victim === undefined || worker.active > victim.active)) {
        victim = worker;
      }
    }
    if (victim === undefined) return;
    const stolen = victim.takeBackWaiting(Math.ceil((victim.active - 1) / 2), true);
    this.#queue.unshiftAll(stolen);
  }

  #abort(task: Task): void {
    if (task.settled) return;
    // Every path below rejects the task with an AbortError.
    this.#aborted++;
    const reason: unknown = task.signal?.reason;
    const ticket = task.ticket;
    if (ticket === undefined) {
      this.#queue.remove(task);
      task.reject(new AbortError(reason, 'queued'));
      return;
    }
    const worker = ticket.worker;
    const before = Atomics.compareExchange(worker.slots, ticket.slot, SLOT_PENDING, SLOT_CANCELLED);
    if (before === SLOT_PENDING) {
      ticket.task = undefined;
      task.ticket = undefined;
      worker.release();
      task.reject(new AbortError(reason, 'queued'));
      this.#afterProgress(worker);
      return;
    }
    if (before !== SLOT_RUNNING) {
      task.reject(new AbortError(reason, 'finished'));
      return;
    }
    // Running. Take back everything queued behind it first, so that once the
    // slot is KILLED the worker cannot start another task before it is terminated.
    const requeued = worker.takeBackWaiting(Infinity, false);
    if (Atomics.compareExchange(worker.slots, ticket.slot, SLOT_RUNNING, SLOT_KILLED) === SLOT_RUNNING) {
      worker.retire();
      task.reject(new AbortError(reason, 'running'));
    } else {
      task.reject(new AbortError(reason, 'finished'));
    }
    this.#queue.unshiftAll(requeued);
    if (this.#queue.size > 0) this.#dispatch();
  }

  #onExit(worker: PoolWorker, exitCode: number): void {
    this.#workers.delete(worker);
    const requeue: Task[] = [];
    if (!worker.ready && !worker.retiring) {
      // It never took work: a bad loader, flag or resource limit. Everything
      // waiting would meet the same end, so fail it now instead of starting
      // worker after worker.
      const error = new WorkerStartError(this.options.name, worker.crash ?? new Error(`exit code ${exitCode}`));
      this.#startFailure = error;
      for (const ticket of worker.liveTickets()) ticket.task?.reject(error);
      for (const task of this.#queue.drain()) task.reject(error);
      this.#failed++;
    } else {
      let blamed = false;
      for (const ticket of worker.liveTickets()) {
        const task = ticket.task as Task;
        task.ticket = undefined;
        if (task.settled) continue;
        if (Atomics.load(worker.slots, ticket.slot) === SLOT_PENDING && task.movable) {
          requeue.push(task); // it never started: run it elsewhere
          continue;
        }
        blamed = true;
        this.#failed++;
        task.reject(this.#deathError(worker, exitCode, task.callable.label));
      }
      if (!blamed && !worker.retiring && worker.crash !== undefined) {
        // The crash came from leftover async work of a task that had already
        // finished. No task to reject, but it must not vanish.
        process.emitWarning(`a worker of executor "${this.options.name}" crashed between tasks and was replaced: ${errorHeadline(worker.crash)}`, {
          code: 'UNBLOCK_WORKER_CRASHED',
        });
      }
    }
    if (this.#closed) {
      for (const task of requeue) task.reject(new ExecutorClosedError(this.options.name, 'its worker exited during close()'));
      this.#finishClosingIfDrained();
      return;
    }
    this.#queue.unshiftAll(requeue);
    this.#ensureMinWorkers();
    if (this.#queue.size > 0) this.#dispatch();
  }

  #deathError(worker: PoolWorker, exitCode: number, label: string): Error {
    const crash = worker.crash;
    if ((crash as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerOutOfMemoryError(label, crash);
    if (crash !== undefined) return new WorkerCrashedError(label, crash);
    return new WorkerExitedError(label, exitCode);
  }

  #armReaper(delayMs: number): void {
    if (this.#reaper !== undefined || delayMs === Infinity) return;
    this.#reaper = setTimeout(() => this.#reap(), delayMs);
    this.#reaper.unref();
  }

  // Ends workers idle for idleTimeoutMs, keeping minWorkers. One timer for
  // the whole pool, re-armed for the next deadline, so an idle→busy flip per
  // task costs a timestamp, not a timer.
  #reap(): void {
    this.#reaper = undefined;
    const now = performance.now();
    const timeout = this.options.idleTimeoutMs;
    let live = this.#liveWorkers();
    let next = Infinity;
    for (const worker of this.#workers) {
      if (worker.retiring || worker.active !== 0 || live <= this.options.minWorkers) continue;
      const idleFor = now - worker.idleSince;
      if (idleFor >= timeout) {
        worker.retire();
        live--;
      } else {
        next = Math.min(next, timeout - idleFor);
      }
    }
    if (next !== Infinity) this.#armReaper(Math.ceil(next));
  }

  #finishClosingIfDrained(): void {
    const done = this.#onDrained;
    if (done === undefined) return;
    for (const worker of this.#workers) if (worker.active > 0 && !worker.retiring) return;
    this.#onDrained = undefined;
    const exits: Promise<void>[] = [];
    for (const worker of this.#workers) {
      worker.retire();
      exits.push(worker.exited);
    }
    void Promise.all(exits).then(done);
  }
}
