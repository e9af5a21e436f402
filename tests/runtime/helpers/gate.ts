// Deterministic coordination with code running in a worker, without timing:
// a SharedArrayBuffer both threads see. Cell 0 is the gate (0 closed, 1 open),
// cell 1 counts tasks that reached the gate, cell 2 counts tasks that ran the
// "side effect" the tests look for.

import { setTimeout as sleep } from 'node:timers/promises';

export const GATE = 0;
export const ARRIVED = 1;
export const RAN = 2;

export interface Gate {
  readonly cells: Int32Array;
  open(): void;
  arrived(): number;
  ran(): number;
}

export function createGate(): Gate {
  const cells = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  return {
    cells,
    open() {
      Atomics.store(cells, GATE, 1);
      Atomics.notify(cells, GATE);
    },
    arrived: () => Atomics.load(cells, ARRIVED),
    ran: () => Atomics.load(cells, RAN),
  };
}

/** Runs in a worker: say it arrived, then block until the gate opens. */
export function waitAtGate(cells: Int32Array): string {
  Atomics.add(cells, 1, 1);
  Atomics.wait(cells, 0, 0);
  return 'passed the gate';
}

/** Runs in a worker: the side effect that proves a task ran. */
export function recordRun(cells: Int32Array): string {
  Atomics.add(cells, 2, 1);
  return 'ran';
}

/** Polls until `predicate` holds; the bound only turns a hang into a failure. */
export async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (predicate()) return;
    await sleep(10);
  }
  throw new Error(`gave up waiting for ${what}`);
}
