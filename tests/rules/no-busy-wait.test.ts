import rule from '../../rules/no-busy-wait.js';
import { createRuleTester } from './rule-tester.js';

const TIMER_FIX = 'use `await setTimeout(ms)` from `node:timers/promises`';

createRuleTester().run('no-busy-wait', rule, {
  valid: [
    // --- Where the wait runs: nothing else is waiting on the loop ---

    // Module top level: start-up code, before the service takes requests.
    `const int32 = new Int32Array(new SharedArrayBuffer(4));
Atomics.wait(int32, 0, 0, 100);
const end = Date.now() + 100;
while (Date.now() < end) {}`,
    // A sync function that no async function or handler runs is the transitive rule's business.
    `export function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}`,
    // A sync helper declared inside an async function, but not run by it as a callback.
    `export async function outer(end: number) {
  function helper() {
    while (Date.now() < end) {}
  }
  return helper;
}`,
    // A worker-thread file (talks to parentPort): Atomics.wait is the right tool there.
    `import { parentPort } from 'node:worker_threads';
const int32 = new Int32Array(new SharedArrayBuffer(4));
parentPort?.on('message', async (ms: number) => {
  Atomics.wait(int32, 0, 0, ms);
  parentPort?.postMessage('done');
});`,
    // A worker-thread file (reads workerData): spin loops are not reported either.
    `import { workerData } from 'node:worker_threads';
export async function run() {
  const end = Date.now() + (workerData as number);
  while (Date.now() < end) {}
}`,
    // A file that starts itself as a worker and sleeps in the worker's branch (isMainThread).
    `import { Worker, isMainThread } from 'node:worker_threads';
const shared = new Int32Array(new SharedArrayBuffer(4));
if (isMainThread) {
  new Worker(new URL(import.meta.url));
} else {
  process.on('message', async () => {
    Atomics.wait(shared, 0, 0, 100);
  });
}`,
    // A worker's script by the *.worker.js convention (piscina, Vite, webpack), with no worker_threads import.
    {
      code: `const shared = new Int32Array(new SharedArrayBuffer(4));
export default async function task(ms: number) {
  Atomics.wait(shared, 0, 0, ms);
  return ms;
}`,
      filename: 'src/sleep.worker.ts',
    },
    // A function handed to an offload wrapper runs in a worker.
    `import { offload } from '@unblock/runtime';
export async function handle(int32: Int32Array) {
  return offload(() => Atomics.wait(int32, 0, 0, 10));
}`,

    // --- Atomics: only the blocking, global Atomics.wait ---

    // Atomics.waitAsync returns a promise and does not block.
    `export async function wait(int32: Int32Array) {
  await Atomics.waitAsync(int32, 0, 0, 10).value;
}`,
    // A local object named Atomics is not the global.
    `const Atomics = { wait(..._args: unknown[]) {} };
export async function wait() {
  Atomics.wait(null, 0, 0, 10);
}`,

    // --- Loops that are not spin-waits ---

    // The condition does not read a clock.
    `export async function count(limit: number) {
  let i = 0;
  while (i < limit) {
    i++;
  }
  return i;
}`,
    // A local object named Date is not the clock.
    `const Date = { now: () => 0 };
export async function pause(end: number) {
  while (Date.now() < end) {}
}`,
    // The body does real work while it watches the clock (the docs' example).
    `export async function drain(queue: { poll(): unknown }, budgetMs: number) {
  const deadline = Date.now() + budgetMs;
  while (Date.now() < deadline) {
    if (queue.poll() === undefined) break;
  }
}`,
    // for (;;) with a clock exit but real work besides.
    `export async function pump(end: number, work: () => void) {
  for (;;) {
    if (Date.now() > end) break;
    work();
  }
}`,
    // The loop awaits inside, so it yields to the event loop.
    `import { setTimeout as sleep } from 'node:timers/promises';
export async function pause(end: number) {
  while (Date.now() < end) {
    await sleep(10);
  }
}`,

    // --- Sleep packages outside async code, and other families ---

    // At module top level and in a sync helper nothing async calls.
    `import sleep from 'sleep';
sleep.sleep(1);
export function pause() {
  sleep.msleep(1);
}`,
    // In a worker-thread file.
    `import { parentPort } from 'node:worker_threads';
import sleep from 'sleep';
parentPort?.on('message', async () => {
  sleep.msleep(5);
});`,
    // execSync('sleep 1') is a child_process call, no-blocking-in-async's to report, not a sleep-family API.
    `import { execSync } from 'node:child_process';
export async function pause() {
  execSync('sleep 1');
}`,
    // Work in the body: the assignment calls step(), so the loop is not idle.
    `export async function sum(end: number, step: () => number) {
  let total = 0;
  while (Date.now() < end) { total = total + step(); }
  return total;
}`,
    // Polling in the for loop's update clause does work.
    `export async function drain(queue: { poll(): unknown }, end: number) {
  for (; Date.now() < end; queue.poll()) {}
}`,
    // Polling in the condition does work.
    `export async function drain(queue: { poll(): unknown }, end: number) {
  while (Date.now() < end && queue.poll() !== undefined) {}
}`,
  ],
  invalid: [
    // A deadline that is not a primary expression is parenthesised in the suggested wait.
    {
      code: `export async function pause(limit?: number) {
  while (Date.now() < (limit ?? 100)) {}
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 2,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: '(limit ?? 100) - Date.now()' },
              output: `export async function pause(limit?: number) {
  await new Promise((resolve) => setTimeout(resolve, (limit ?? 100) - Date.now()));
}`,
            },
          ],
        },
      ],
    },
    // So are the start and the duration of an elapsed-time loop.
    {
      code: `export async function pause(start: number, ms?: number) {
  while (Date.now() - start < (ms || 100)) {}
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 2,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'start + (ms || 100) - Date.now()' },
              output: `export async function pause(start: number, ms?: number) {
  await new Promise((resolve) => setTimeout(resolve, start + (ms || 100) - Date.now()));
}`,
            },
          ],
        },
      ],
    },
    // --- Atomics.wait directly in an async function: reported with a timer suggestion ---

    // Async function declaration; the timeout expression becomes the timer's delay.
    {
      code: `async function wait(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 2,
          column: 3,
          data: { context: 'async function `wait`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'ms' },
              output: `async function wait(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}`,
            },
          ],
        },
      ],
    },
    // Named async arrow function.
    {
      code: `export const wait = async (ms: number) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 2,
          column: 3,
          data: { context: 'async arrow function `wait`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'ms' },
              output: `export const wait = async (ms: number) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
};`,
            },
          ],
        },
      ],
    },
    // Anonymous async arrow: described by its line.
    {
      code: `export default async () => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
};`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 2,
          column: 3,
          data: { context: 'an async arrow function (line 1)' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: '10' },
              output: `export default async () => {
  await new Promise((resolve) => setTimeout(resolve, 10));
};`,
            },
          ],
        },
      ],
    },
    // Async class method.
    {
      code: `export class Poller {
  async tick(int32: Int32Array) {
    Atomics.wait(int32, 0, 0, 50);
  }
}`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 3,
          column: 5,
          data: { context: 'async method `Poller.tick`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: '50' },
              output: `export class Poller {
  async tick(int32: Int32Array) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}`,
            },
          ],
        },
      ],
    },
    // Async Express route handler: still an async function, so the suggestion applies.
    {
      code: `import express from 'express';
const app = express();
const int32 = new Int32Array(new SharedArrayBuffer(4));
app.get('/x', async (req, res) => {
  Atomics.wait(int32, 0, 0, 25);
  res.send('ok');
});`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 5,
          column: 3,
          data: { context: 'async Express route handler `GET /x`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: '25' },
              output: `import express from 'express';
const app = express();
const int32 = new Int32Array(new SharedArrayBuffer(4));
app.get('/x', async (req, res) => {
  await new Promise((resolve) => setTimeout(resolve, 25));
  res.send('ok');
});`,
            },
          ],
        },
      ],
    },

    // --- Atomics.wait reported without a suggestion ---

    // Not a statement of its own (its result is used): nothing to replace.
    {
      code: `export async function wait(int32: Int32Array) {
  const result = Atomics.wait(int32, 0, 0, 5);
  return result;
}`,
      errors: [{ messageId: 'atomicsWait', line: 2, column: 18, data: { context: 'async function `wait`' }, suggestions: [] }],
    },
    // Expression-bodied async arrow: the call is not a statement.
    {
      code: `export const wait = async (int32: Int32Array) => Atomics.wait(int32, 0, 0, 5);`,
      errors: [{ messageId: 'atomicsWait', line: 1, column: 50, data: { context: 'async arrow function `wait`' }, suggestions: [] }],
    },
    // No timeout, or an infinite one: there is no delay to hand a timer.
    {
      code: `export async function wait(int32: Int32Array) {
  Atomics.wait(int32, 0, 0);
  Atomics.wait(int32, 0, 0, Infinity);
}`,
      errors: [
        { messageId: 'atomicsWait', line: 2, column: 3, data: { context: 'async function `wait`' }, suggestions: [] },
        { messageId: 'atomicsWait', line: 3, column: 3, data: { context: 'async function `wait`' }, suggestions: [] },
      ],
    },
    // A local Promise would change what the replacement means.
    {
      code: `import Promise from 'bluebird';
export async function wait(int32: Int32Array) {
  Atomics.wait(int32, 0, 0, 10);
}`,
      errors: [{ messageId: 'atomicsWait', line: 3, column: 3, data: { context: 'async function `wait`' }, suggestions: [] }],
    },
    // Sync Express route handler: no await available, so no suggestion.
    {
      code: `import express from 'express';
const app = express();
const int32 = new Int32Array(new SharedArrayBuffer(4));
app.get('/x', (req, res) => {
  Atomics.wait(int32, 0, 0, 25);
  res.send('ok');
});`,
      errors: [{ messageId: 'atomicsWait', line: 5, column: 3, data: { context: 'Express route handler `GET /x`' }, suggestions: [] }],
    },
    // Sync Express middleware in plain CommonJS (the docs' example).
    {
      code: `const express = require('express');
const app = express();

app.use((req, res, next) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  next();
});`,
      filename: 'file.js',
      errors: [{ messageId: 'atomicsWait', line: 5, column: 3, data: { context: 'Express middleware' }, suggestions: [] }],
    },
    // A map callback inside an async function: runs on the loop, but the callback is not async.
    {
      code: `export async function all(items: number[], int32: Int32Array) {
  return items.map((item) => {
    Atomics.wait(int32, 0, 0, 10);
    return item;
  });
}`,
      errors: [
        { messageId: 'atomicsWait', line: 3, column: 5, data: { context: 'async function `all` (inside a `map` callback)' }, suggestions: [] },
      ],
    },
    // An event listener registered from an async function.
    {
      code: `import { EventEmitter } from 'node:events';
export async function listen(emitter: EventEmitter, int32: Int32Array) {
  emitter.on('data', () => {
    Atomics.wait(int32, 0, 0, 5);
  });
}`,
      errors: [
        {
          messageId: 'atomicsWait',
          line: 4,
          column: 5,
          data: { context: 'async function `listen` (inside the `data` event listener)' },
          suggestions: [],
        },
      ],
    },

    // --- Spin loops with a suggestion: while (<clock> < x) directly in an async function ---

    // while (Date.now() < end) {}: waits `end - Date.now()`.
    {
      code: `export async function pause(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 3,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'end - Date.now()' },
              output: `export async function pause(ms: number) {
  const end = Date.now() + ms;
  await new Promise((resolve) => setTimeout(resolve, end - Date.now()));
}`,
            },
          ],
        },
      ],
    },
    // while (Date.now() - start < ms); with an empty statement body: waits `start + ms - Date.now()`.
    {
      code: `export async function pause(ms: number) {
  const start = Date.now();
  while (Date.now() - start < ms);
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 3,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'start + ms - Date.now()' },
              output: `export async function pause(ms: number) {
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, start + ms - Date.now()));
}`,
            },
          ],
        },
      ],
    },
    // A body that only counts spins is still trivial.
    {
      code: `export async function pause(end: number) {
  let spins = 0;
  while (Date.now() < end) {
    spins++;
  }
  return spins;
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 3,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'end - Date.now()' },
              output: `export async function pause(end: number) {
  let spins = 0;
  await new Promise((resolve) => setTimeout(resolve, end - Date.now()));
  return spins;
}`,
            },
          ],
        },
      ],
    },
    // performance.now() imported from perf_hooks, in the `- start < ms` form.
    {
      code: `import { performance } from 'node:perf_hooks';
export async function pause(ms: number) {
  const start = performance.now();
  while (performance.now() - start < ms) {}
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 4,
          column: 3,
          data: { context: 'async function `pause`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'start + ms - performance.now()' },
              output: `import { performance } from 'node:perf_hooks';
export async function pause(ms: number) {
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, start + ms - performance.now()));
}`,
            },
          ],
        },
      ],
    },
    // The docs' retry example: a spin nested in a catch block is still directly in the async function.
    {
      code: `export async function retry<T>(operation: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const until = Date.now() + 100 * attempt;
      while (Date.now() < until) {}
    }
  }
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 8,
          column: 7,
          data: { context: 'async function `retry`' },
          suggestions: [
            {
              messageId: 'suggestTimer',
              data: { ms: 'until - Date.now()' },
              output: `export async function retry<T>(operation: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const until = Date.now() + 100 * attempt;
      await new Promise((resolve) => setTimeout(resolve, until - Date.now()));
    }
  }
}`,
            },
          ],
        },
      ],
    },

    // --- Spin loops reported without a suggestion ---

    // for (;;) whose only exit is a clock check.
    {
      code: `export async function pause(end: number) {
  for (;;) {
    if (Date.now() > end) break;
  }
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // while (true) whose only exit is a clock check that returns.
    {
      code: `export async function pause(end: number) {
  while (true) {
    if (Date.now() >= end) return;
  }
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // do {} while (<clock>): the body runs once before the check, so no plain replacement.
    {
      code: `export async function pause(end: number) {
  do {} while (Date.now() < end);
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // A for loop with a clock condition and a counter.
    {
      code: `export async function pause(end: number) {
  for (let i = 0; Date.now() < end; i++) {}
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // process.hrtime.bigint() counts nanoseconds: no millisecond delay to suggest.
    {
      code: `export async function pause(end: bigint) {
  while (process.hrtime.bigint() < end) {}
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // new Date() compared with a Date.
    {
      code: `export async function pause(end: Date) {
  while (new Date() < end) {}
}`,
      errors: [{ messageId: 'spinLoop', line: 2, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // A local setTimeout (here the promise one) would change what the replacement means.
    {
      code: `import { setTimeout } from 'node:timers/promises';
export async function pause(end: number) {
  while (Date.now() < end) {}
  await setTimeout(0);
}`,
      errors: [{ messageId: 'spinLoop', line: 3, column: 3, data: { context: 'async function `pause`' }, suggestions: [] }],
    },
    // Inside a Promise executor in an async function.
    {
      code: `export async function later(end: number) {
  return new Promise<void>((resolve) => {
    while (Date.now() < end) {}
    resolve();
  });
}`,
      errors: [
        { messageId: 'spinLoop', line: 3, column: 5, data: { context: 'async function `later` (inside a Promise executor)' }, suggestions: [] },
      ],
    },
    // Inside a setTimeout callback registered from an async function.
    {
      code: `export async function schedule(end: number) {
  setTimeout(() => {
    while (Date.now() < end) {}
  }, 0);
}`,
      errors: [
        {
          messageId: 'spinLoop',
          line: 3,
          column: 5,
          data: { context: 'async function `schedule` (inside a `setTimeout` callback)' },
          suggestions: [],
        },
      ],
    },
    // In a sync Express route handler.
    {
      code: `import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  const end = Date.now() + 20;
  while (Date.now() < end) {}
  res.send('ok');
});`,
      errors: [{ messageId: 'spinLoop', line: 5, column: 3, data: { context: 'Express route handler `GET /x`' }, suggestions: [] }],
    },

    // --- Synchronous sleep packages (sleepCall) ---

    // The sleep package's three functions, through its namespace.
    {
      code: `import sleep from 'sleep';
export async function pause() {
  sleep.sleep(1);
  sleep.msleep(10);
  sleep.usleep(100);
}`,
      errors: [
        { messageId: 'sleepCall', line: 3, column: 3, data: { api: 'sleep.sleep', context: 'async function `pause`', fix: TIMER_FIX } },
        { messageId: 'sleepCall', line: 4, column: 3, data: { api: 'sleep.msleep', context: 'async function `pause`', fix: TIMER_FIX } },
        { messageId: 'sleepCall', line: 5, column: 3, data: { api: 'sleep.usleep', context: 'async function `pause`', fix: TIMER_FIX } },
      ],
    },
    // A named import from sleep, in a sync Express route handler.
    {
      code: `import express from 'express';
import { msleep } from 'sleep';
const app = express();
app.post('/slow', (req, res) => {
  msleep(50);
  res.end();
});`,
      errors: [
        { messageId: 'sleepCall', line: 5, column: 3, data: { api: 'sleep.msleep', context: 'Express route handler `POST /slow`', fix: TIMER_FIX } },
      ],
    },
    // atomic-sleep, required in CommonJS.
    {
      code: `const sleep = require('atomic-sleep');
export async function pause() {
  sleep(100);
}`,
      errors: [{ messageId: 'sleepCall', line: 3, column: 3, data: { api: 'atomic-sleep()', context: 'async function `pause`', fix: TIMER_FIX } }],
    },
    // system-sleep.
    {
      code: `import sleep from 'system-sleep';
export async function pause() {
  sleep(100);
}`,
      errors: [{ messageId: 'sleepCall', line: 3, column: 3, data: { api: 'system-sleep()', context: 'async function `pause`', fix: TIMER_FIX } }],
    },
    // deasync.sleep, and deasync.loopWhile with its own advice.
    {
      code: `import deasync from 'deasync';
export async function pause(ready: () => boolean) {
  deasync.sleep(100);
  deasync.loopWhile(() => !ready());
}`,
      errors: [
        { messageId: 'sleepCall', line: 3, column: 3, data: { api: 'deasync.sleep', context: 'async function `pause`', fix: TIMER_FIX } },
        {
          messageId: 'sleepCall',
          line: 4,
          column: 3,
          data: { api: 'deasync.loopWhile', context: 'async function `pause`', fix: 'await the condition instead of spinning the loop' },
        },
      ],
    },
  ],
});
