#!/usr/bin/env node
// bench/runtime/soak: many small tasks through `offload`, `submit` and
// `workerModule`, with the main thread's heap sampled as it goes. A pool that
// leaks per task (a listener, a map entry, a settled promise kept alive) shows
// as a heap that climbs with the task count; a sound one stays flat.
//
//   node --expose-gc bench/runtime/soak.mjs [--tasks N | --quick] [--in-flight N] [--json]
//
// The heap figures are ratios to the first sample taken after warm-up, in the
// same run. `--json` prints one JSON object for tests to read.

import { parseArgs } from 'node:util';
import { ThreadPoolExecutor, offload, getDefaultExecutor, workerModule } from '@unblock/runtime';

const { values: flags } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000000' },
    'in-flight': { type: 'string', default: '256' },
    samples: { type: 'string', default: '20' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const tasks = flags.quick ? 100_000 : positiveInteger('tasks', flags.tasks);
const inFlight = positiveInteger('in-flight', flags['in-flight']);
const sampleCount = positiveInteger('samples', flags.samples);
const collect = typeof globalThis.gc === 'function' ? globalThis.gc : undefined;

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer; received ${JSON.stringify(text)}`);
  return value;
}

function heapUsed() {
  collect?.();
  return process.memoryUsage().heapUsed;
}

const executor = new ThreadPoolExecutor({ name: 'soak' });
const math = workerModule(new URL('./tasks.mjs', import.meta.url), { executor });

// Three paths, taken in turn, so that each one's bookkeeping is exercised.
const paths = [
  (i) => offload((n) => n + 1, i),
  (i) => executor.submit((n) => n * 2, [i]),
  (i) => math.echo(i),
];
const expected = [(i) => i + 1, (i) => i * 2, (i) => i];

async function runTasks(from, to) {
  let next = from;
  let wrong = 0;
  async function lane() {
    while (next < to) {
      const i = next++;
      const which = i % paths.length;
      const result = await paths[which](i);
      if (result !== expected[which](i)) wrong++;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return wrong;
}

// Warm-up: start the workers and compile every path before the first sample.
const warmup = Math.min(tasks, 1000);
let wrong = await runTasks(0, warmup);
const samples = [{ done: warmup, heap: heapUsed() }];
const step = Math.max(1, Math.ceil((tasks - warmup) / sampleCount));
const started = performance.now();
for (let done = warmup; done < tasks; ) {
  const until = Math.min(tasks, done + step);
  wrong += await runTasks(done, until);
  done = until;
  samples.push({ done, heap: heapUsed() });
}
const elapsedMs = performance.now() - started;
const stats = { offload: getDefaultExecutor().stats, submit: executor.stats };
await executor.close();
await getDefaultExecutor().close();

const base = samples[0].heap;
const last = samples.at(-1).heap;
const peak = Math.max(...samples.map((s) => s.heap));
const report = {
  tasks,
  inFlight,
  wrong,
  gc: collect !== undefined,
  heapRatioEnd: last / base,
  heapRatioPeak: peak / base,
  samples,
  stats,
  tasksPerSecond: ((tasks - warmup) / elapsedMs) * 1000,
};

if (flags.json) {
  console.log(JSON.stringify(report));
} else {
  const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
  console.log(`bench/runtime soak: ${tasks} tasks, ${inFlight} in flight, heap ${collect ? 'after gc' : 'without gc (run with --expose-gc)'}`);
  console.log('tasks done   heap MiB  ×first');
  for (const { done, heap } of samples) {
    console.log(`${String(done).padStart(10)}  ${mib(heap).padStart(8)}  ${(heap / base).toFixed(2)}×`);
  }
  console.log(`end heap ${report.heapRatioEnd.toFixed(2)}× the first sample (peak ${report.heapRatioPeak.toFixed(2)}×); wrong results: ${wrong}`);
  if (!collect) console.log('note: without --expose-gc the samples include garbage not yet collected');
}
if (wrong > 0) process.exitCode = 1;
