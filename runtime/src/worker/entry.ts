// The worker thread's main module. It runs the tasks it receives one at a
// time, in arrival order, and replies to each. Running one at a time is what
// lets the executor know, from the slot states alone, which single task a
// dying worker was running.

import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { packBuffers } from '../buffer-pack.js';
import type { BufferPaths } from '../buffer-paths.js';
import { restoreBuffers } from '../buffer-restore.js';
import { encodeThrown } from '../error-transport.js';
import { ResultNotCloneableError } from '../errors.js';
import {
  DEF_SOURCE,
  READY_MESSAGE,
  REPLY_ERROR,
  REPLY_OK,
  REPLY_SKIPPED,
  SLOT_DONE,
  SLOT_PENDING,
  SLOT_RUNNING,
  TASK_FIELDS,
  TRANSFER_MARKER,
  type Definition,
  type TransferEnvelope,
  type WorkerBootData,
} from '../protocol.js';
import { findCloneLoss } from '../result-check.js';
import { compileFunction, explainReferenceError } from './compile-function.js';
import { loadExport } from './load-export.js';

type Fn = (...args: unknown[]) => unknown;

interface Callable {
  readonly definition: Definition;
  fn: Fn | undefined;
}

if (parentPort === null) throw new Error('@unblock/runtime: worker/entry.js must run in a worker thread');
const port = parentPort;
const { slots } = workerData as WorkerBootData;
const callables = new Map<number, Callable>();

// Pending task fields, flat; `head` is the next task to run.
let inbox: unknown[] = [];
let head = 0;
let running = false;

port.on('message', (batch: unknown[]) => {
  if (inbox.length === 0) inbox = batch;
  else for (const field of batch) inbox.push(field);
  if (!running) drain();
});
port.postMessage(READY_MESSAGE);

function drain(): void {
  running = true;
  while (head < inbox.length) {
    const seq = inbox[head] as number;
    const slot = inbox[head + 1] as number;
    const id = inbox[head + 2] as number;
    const definition = inbox[head + 3] as Definition | undefined;
    const args = inbox[head + 4] as unknown[];
    const buffers = inbox[head + 5] as BufferPaths | undefined;
    inbox[head + 4] = undefined; // let the arguments be collected while later tasks run
    head += TASK_FIELDS;
    if (head > 4096 && head * 2 > inbox.length) {
      // A long run of async tasks never empties the inbox; drop what has been consumed.
      inbox = inbox.slice(head);
      head = 0;
    }

    if (definition !== undefined && !callables.has(id)) callables.set(id, { definition, fn: undefined });
    if (Atomics.compareExchange(slots, slot, SLOT_PENDING, SLOT_RUNNING) !== SLOT_PENDING) {
      port.postMessage([seq, REPLY_SKIPPED, undefined, undefined]);
      continue;
    }
    const callable = callables.get(id);
    let outcome: unknown;
    let threw = false;
    try {
      if (callable === undefined) throw new Error(`@unblock/runtime: unknown callable ${id} (protocol error)`);
      if (buffers !== undefined) restoreBuffers(args, buffers);
      outcome = invoke(callable, args);
    } catch (error) {
      outcome = error;
      threw = true;
    }
    if (!isThenable(outcome) && !outputPending()) {
      if (threw) fail(seq, slot, callable, outcome);
      else succeed(seq, slot, outcome);
      continue;
    }
    // Stay `running` until it settles: the next task waits, exactly as it would on a thread.
    // Whatever the task threw, Error or not, is what its caller must receive.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const settled = threw ? Promise.reject(outcome) : Promise.resolve(outcome);
    settled
      .then(
        (result) => outputFlushed().then(() => succeed(seq, slot, result)),
        (error: unknown) => outputFlushed().then(() => fail(seq, slot, callable, error)),
      )
      .then(drain, drain);
    return;
  }
  inbox = [];
  head = 0;
  running = false;
}

// A worker's console output travels to the main thread on another channel
// than the replies. Replying only once it has been taken keeps a script that
// exits right after `await offload(…)` from losing what the task printed.
function outputPending(): boolean {
  return process.stdout.writableLength > 0 || process.stderr.writableLength > 0;
}

function outputFlushed(): Promise<void> {
  const flushed = (stream: NodeJS.WriteStream): Promise<void> =>
    new Promise((resolve) => {
      if (stream.writableLength === 0) resolve();
      else stream.write('', () => resolve());
    });
  return outputPending() ? Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => undefined) : Promise.resolve();
}

function invoke(callable: Callable, args: unknown[]): unknown {
  const fn = callable.fn;
  if (fn !== undefined) return Reflect.apply(fn, undefined, args);
  const definition = callable.definition;
  if (definition[0] === DEF_SOURCE) {
    const compiled = compileFunction(definition[1], definition[2]);
    callable.fn = compiled;
    return Reflect.apply(compiled, undefined, args);
  }
  return loadExport(definition[1], definition[2]).then((fn) => {
    callable.fn = fn;
    return Reflect.apply(fn, undefined, args);
  });
}

function succeed(seq: number, slot: number, value: unknown): void {
  if (!finish(slot)) return;
  let transferList: readonly TransferListItem[] = [];
  if (isTransferEnvelope(value)) {
    transferList = value.transferList;
    value = value.value;
  }
  const loss = findCloneLoss(value);
  if (loss !== undefined) {
    replyError(seq, new ResultNotCloneableError(`${loss}; return plain data (e.g. spread it into an object)`));
    return;
  }
  try {
    const packed = packBuffers(value, transferList);
    port.postMessage([seq, REPLY_OK, packed.value, packed.paths], packed.transferList);
  } catch (error) {
    replyError(
      seq,
      new ResultNotCloneableError(
        `the result cannot be sent to the main thread: ${(error instanceof Error ? error.message : String(error)).replace(/\.$/, '')}; ` +
          'return plain data: objects, arrays, strings, numbers, typed arrays, Map, Set, Date',
      ),
    );
  }
}

function fail(seq: number, slot: number, callable: Callable | undefined, error: unknown): void {
  if (!finish(slot)) return;
  replyError(seq, callable?.definition[0] === DEF_SOURCE ? explainReferenceError(error) : error);
}

function replyError(seq: number, error: unknown): void {
  try {
    port.postMessage([seq, REPLY_ERROR, encodeThrown(error), undefined]);
  } catch (postError) {
    port.postMessage([seq, REPLY_ERROR, encodeThrown(new Error(`the task failed and its error could not be sent: ${String(postError)}`)), undefined]);
  }
}

// RUNNING → DONE. Losing this exchange means the main thread marked the slot
// KILLED (the task was aborted) and is terminating this worker: stay quiet.
function finish(slot: number): boolean {
  return Atomics.compareExchange(slots, slot, SLOT_RUNNING, SLOT_DONE) === SLOT_RUNNING;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function isTransferEnvelope(value: unknown): value is TransferEnvelope {
  return typeof value === 'object' && value !== null && (value as Partial<TransferEnvelope>)[TRANSFER_MARKER] === true;
}
