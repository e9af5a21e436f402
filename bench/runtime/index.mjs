#!/usr/bin/env node
// bench/runtime: what it costs to run a task on another thread with
// @unblock/runtime, against a bare worker (the floor) and piscina, all
// measured in this run. `--quick` for a short run.
//
//   node bench/runtime/index.mjs [--quick] [--threads N]

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { floor, moduleProxy, offload, piscina } from './contenders.mjs';
import { burst, interleaved, median, percentile, sequential } from './measure.mjs';
import { fixed, printTable, ratio } from './table.mjs';

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, threads: { type: 'string' } },
});
const quick = flags.quick;
const threads = flags.threads === undefined ? availableParallelism() : Number(flags.threads);

const KiB = 1024;
const scenarios = [
  { label: 'small value', op: 'echo', makeValue: () => 42, seqCalls: quick ? 1500 : 20_000, burstTasks: quick ? 5000 : 50_000 },
  { label: '64 KiB cloned', op: 'size', makeValue: () => new Uint8Array(64 * KiB), seqCalls: quick ? 300 : 3000, burstTasks: quick ? 400 : 4000 },
  { label: '64 KiB transferred', op: 'size', transfer: true, makeValue: () => new Uint8Array(64 * KiB), seqCalls: quick ? 300 : 3000, burstTasks: quick ? 400 : 4000 },
  { label: '1 MiB cloned', op: 'size', makeValue: () => new Uint8Array(1024 * KiB), seqCalls: quick ? 60 : 600, burstTasks: quick ? 60 : 400 },
  { label: '1 MiB transferred', op: 'size', transfer: true, makeValue: () => new Uint8Array(1024 * KiB), seqCalls: quick ? 60 : 600, burstTasks: quick ? 60 : 400 },
  // There and back: the floor posts the bytes each way (they arrive as a Uint8Array); the runtime
  // delivers a Buffer each way, and the caller keeps its own.
  { label: '1 MiB Buffer round trip', op: 'echo', makeValue: () => Buffer.alloc(1024 * KiB, 'unblock'), seqCalls: quick ? 60 : 600, burstTasks: quick ? 40 : 100 },
];
const rounds = quick ? 3 : 5;

const contenders = [floor(threads), piscina(threads), offload(threads), moduleProxy(threads)];
const [FLOOR, PISCINA] = contenders.map((c) => c.name);

// Start every thread and compile every path before timing anything.
for (const contender of contenders) {
  for (const scenario of scenarios) {
    await burst(contender, { ...scenario, tasks: threads * 20 });
    await sequential(contender, { ...scenario, calls: 50 });
  }
}

console.log(`bench/runtime on Node ${process.version}, ${threads} worker thread(s) each, ${quick ? 'quick' : 'full'} run, ${rounds} interleaved rounds`);
const verdicts = [];
for (const scenario of scenarios) {
  const latency = await interleaved(contenders, rounds, (c) => sequential(c, { ...scenario, calls: Math.ceil(scenario.seqCalls / rounds) }));
  const perTask = await interleaved(contenders, rounds, (c) => burst(c, { ...scenario, tasks: scenario.burstTasks }));
  const latencyMedian = Object.fromEntries(Object.entries(latency).map(([name, s]) => [name, median(s)]));
  const burstMedian = Object.fromEntries(Object.entries(perTask).map(([name, s]) => [name, median(s)]));
  const rows = contenders.map(({ name }) => [
    scenario.label,
    name,
    fixed(latencyMedian[name]),
    fixed(percentile(latency[name], 99)),
    ratio(latencyMedian[name], latencyMedian[FLOOR]),
    ratio(latencyMedian[name], latencyMedian[PISCINA]),
    fixed(burstMedian[name], 2),
    fixed(1e6 / burstMedian[name], 0),
    ratio(burstMedian[name], burstMedian[FLOOR]),
    ratio(burstMedian[name], burstMedian[PISCINA]),
  ]);
  printTable(
    `${scenario.label}: sequential round trip, and a burst of ${scenario.burstTasks} tasks (cost ratios: lower is better)`,
    ['scenario', 'contender', 'seq p50 µs', 'seq p99 µs', '×floor', '×piscina', 'burst µs/task', 'tasks/s', '×floor', '×piscina'],
    rows,
  );
  if (scenario.label === '1 MiB Buffer round trip') {
    for (const name of ['offload', 'workerModule']) {
      verdicts.push([`${name} 1 MiB Buffer round trip ≤ 1.2× floor`, latencyMedian[name] / latencyMedian[FLOOR] <= 1.2, ratio(latencyMedian[name], latencyMedian[FLOOR])]);
    }
  } else if (scenario.op === 'echo') {
    for (const name of ['offload', 'workerModule']) {
      verdicts.push([`${name} sequential latency ≤ 1.1× floor`, latencyMedian[name] / latencyMedian[FLOOR] <= 1.1, ratio(latencyMedian[name], latencyMedian[FLOOR])]);
      verdicts.push([`${name} burst cost ≤ 1.0× piscina`, burstMedian[name] / burstMedian[PISCINA] <= 1.0, ratio(burstMedian[name], burstMedian[PISCINA])]);
    }
  }
}

printTable('targets', ['target', 'met', 'measured'], verdicts.map(([what, met, measured]) => [what, met ? 'yes' : 'NO', measured]));
await Promise.all(contenders.map((c) => c.close()));
