// One worker thread as the executor sees it: its slot array, the tickets of
// the tasks it holds in the order it will run them, and whether it should
// keep the process alive (only while it holds live work).

import { performance } from 'node:perf_hooks';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { packBuffers, type PackedValue } from './buffer-pack.js';
import {
  READY_MESSAGE,
  SLOT_CANCELLED,
  SLOT_PENDING,
  SLOTS_PER_WORKER,
  type WorkerBootData,
} from './protocol.js';
import type { Task, Ticket } from './task.js';

const ENTRY = new URL('./worker/entry.js', import.meta.url);

export interface PoolWorkerEvents {
  onReady(worker: PoolWorker): void;
  onReplies(worker: PoolWorker, replies: unknown[]): void;
  onExit(worker: PoolWorker, exitCode: number): void;
}

export interface ArgumentFailure {
  readonly task: Task;
  readonly error: unknown;
}

export class PoolWorker {
  readonly thread: Worker;
  readonly slots: Int32Array;
  /** Set once the worker has said it is ready; a worker that dies before that failed to start. */
  ready = false;
  /** The executor ended it on purpose (idle, abort, close): its exit is not a crash. */
  retiring = false;
  /** The uncaught error that killed it, if any ('error' comes before 'exit'). */
  crash: unknown = undefined;
  /** Tasks held that still matter (not taken back). 0 means idle. */
  active = 0;
  idleSince = performance.now();
  readonly exited: Promise<void>;

  private readonly freeSlots: number[] = [];
  private tickets: (Ticket | undefined)[] = [];
  private head = 0;
  private readonly known = new Set<number>();
  private outbox: unknown[] = [];
  private outTransfer: TransferListItem[] = [];
  private outTickets: Ticket[] = [];
  /** The args as posted, per ticket in outTickets: what postOneByOne re-posts if the batch fails. */
  private outArgs: PackedValue[] = [];

  constructor(resourceLimits: ResourceLimits | undefined, events: PoolWorkerEvents) {
    this.slots = new Int32Array(new SharedArrayBuffer(SLOTS_PER_WORKER * Int32Array.BYTES_PER_ELEMENT));
    for (let slot = SLOTS_PER_WORKER - 1; slot >= 0; slot--) this.freeSlots.push(slot);
    const workerData: WorkerBootData = { slots: this.slots };
    // execArgv is left unset on purpose: the worker then inherits the parent's
    // (loaders such as `--import tsx` included), while an explicit copy would
    // be re-validated and reject process-wide flags like --max-old-space-size.
    this.thread = new Worker(ENTRY, { workerData, ...(resourceLimits === undefined ? {} : { resourceLimits }) });
    this.thread.on('message', (message: unknown) => {
      if (message === READY_MESSAGE) {
        this.ready = true;
        events.onReady(this);
      } else {
        events.onReplies(this, message as unknown[]);
      }
    });
    this.thread.on('error', (error) => {
      this.crash ??= error;
    });
    this.exited = new Promise((resolve) => {
      this.thread.on('exit', (code) => {
        events.onExit(this, code);
        resolve();
      });
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.thread.unref();
  }

  get hasRoom(): boolean {
    return this.freeSlots.length > 0;
  }

  /** Tickets held, live or taken back but not yet skipped by the worker. */
  get held(): number {
    return this.tickets.length - this.head;
  }

  /** How many distinct callables this worker has been sent, and so holds compiled. */
  get knownCallables(): number {
    return this.known.size;
  }

  /** Queue `task` for this worker; it is posted on the next `flush()`. */
  assign(task: Task): void {
    const slot = this.freeSlots.pop();
    if (slot === undefined) throw new Error('@unblock/runtime: assign() without a free slot');
    Atomics.store(this.slots, slot, SLOT_PENDING);
    const ticket: Ticket = { task, seq: task.seq, slot, worker: this };
    task.ticket = ticket;
    this.tickets.push(ticket);
    if (this.active++ === 0) this.thread.ref();
    const { id, definition } = task.callable;
    const firstTime = !this.known.has(id);
    if (firstTime) this.known.add(id);
    // Packed per post, not per task: the copies it moves are gone from this thread once posted,
    // and a task that is requeued (its worker died before starting it) is posted again.
    const args = packBuffers(task.args, task.transferList);
    this.outbox.push(task.seq, slot, id, firstTime ? definition : undefined, args.value, args.paths);
    for (const item of args.transferList) this.outTransfer.push(item);
    this.outTickets.push(ticket);
    this.outArgs.push(args);
  }

  /**
   * Posts everything assigned since the last flush as one message. When that
   * fails (an argument cannot be cloned), posts the tasks one by one so that
   * only the offending ones fail, and returns them.
   */
  flush(): ArgumentFailure[] {
    if (this.outTickets.length === 0) return NO_FAILURES;
    const outbox = this.outbox;
    const tickets = this.outTickets;
    const transfer = this.outTransfer;
    const args = this.outArgs;
    this.outbox = [];
    this.outTickets = [];
    this.outTransfer = [];
    this.outArgs = [];
    try {
      this.thread.postMessage(outbox, transfer);
      return NO_FAILURES;
    } catch {
      // A failed postMessage moves nothing, so the packed args can be posted again.
      return this.postOneByOne(tickets, args);
    }
  }

  private postOneByOne(tickets: Ticket[], args: PackedValue[]): ArgumentFailure[] {
    const failures: ArgumentFailure[] = [];
    for (const [index, ticket] of tickets.entries()) {
      const task = ticket.task;
      if (task === undefined) continue;
      const { id, definition } = task.callable;
      const packed = args[index]!;
      try {
        // Always with its definition: the batch that would have carried it was never sent.
        this.thread.postMessage([task.seq, ticket.slot, id, definition, packed.value, packed.paths], [...packed.transferList]);
      } catch (error) {
        this.forget(ticket);
        failures.push({ task, error });
      }
    }
    return failures;
  }

  // A ticket that never reached the worker: no reply will come for it.
  private forget(ticket: Ticket): void {
    const index = this.tickets.indexOf(ticket, this.head);
    if (index !== -1) this.tickets.splice(index, 1);
    this.freeSlots.push(ticket.slot);
    if (ticket.task !== undefined) {
      ticket.task.ticket = undefined;
      ticket.task = undefined;
      this.release();
    }
  }

  /** The worker replied for the oldest ticket (it runs them in order). */
  takeOldest(seq: number): Ticket | undefined {
    let index = this.head;
    // Replies come in ticket order; the scan only guards against a protocol slip.
    while (index < this.tickets.length && this.tickets[index]?.seq !== seq) index++;
    const ticket = this.tickets[index];
    if (ticket === undefined) return undefined;
    if (index === this.head) {
      this.tickets[this.head++] = undefined;
      if (this.head === this.tickets.length) {
        this.tickets = [];
        this.head = 0;
      } else if (this.head > 1024 && this.head * 2 > this.tickets.length) {
        this.tickets = this.tickets.slice(this.head);
        this.head = 0;
      }
    } else {
      this.tickets.splice(index, 1);
    }
    this.freeSlots.push(ticket.slot);
    return ticket;
  }

  /** A live task left this worker (settled, or taken back). Returns true when that made the worker idle. */
  release(): boolean {
    if (--this.active > 0) return false;
    this.thread.unref();
    this.idleSince = performance.now();
    return true;
  }

  /**
   * Takes back tasks that have not started, newest first, at most `limit`.
   * Returns them oldest first, so that requeueing keeps submission order.
   */
  takeBackWaiting(limit: number, movableOnly: boolean): Task[] {
    const taken: Task[] = [];
    for (let index = this.tickets.length - 1; index >= this.head && taken.length < limit; index--) {
      const ticket = this.tickets[index];
      const task = ticket?.task;
      if (ticket === undefined || task === undefined || (movableOnly && !task.movable)) continue;
      if (Atomics.compareExchange(this.slots, ticket.slot, SLOT_PENDING, SLOT_CANCELLED) !== SLOT_PENDING) continue;
      ticket.task = undefined;
      task.ticket = undefined;
      this.release();
      taken.push(task);
    }
    return taken.reverse();
  }

  /** Live tickets, oldest first (for death handling). */
  liveTickets(): Ticket[] {
    const live: Ticket[] = [];
    for (let index = this.head; index < this.tickets.length; index++) {
      const ticket = this.tickets[index];
      if (ticket?.task !== undefined) live.push(ticket);
    }
    return live;
  }

  retire(): void {
    if (this.retiring) return;
    this.retiring = true;
    void this.thread.terminate();
  }
}

const NO_FAILURES: ArgumentFailure[] = [];
