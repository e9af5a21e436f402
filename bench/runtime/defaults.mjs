#!/usr/bin/env node
// bench/runtime/defaults: the measurements behind ThreadPoolExecutor's
// defaults, each against the alternative piscina ships with, in this run.
//
// 1. idleTimeoutMs. piscina ends an idle worker at once (idleTimeout 0). A
//    server whose offloaded calls arrive with gaps between them then pays a
//    worker start-up on nearly every call. We keep idle workers 30 s.
// 2. maxWorkers. piscina allows 1.5× the CPU count. For CPU-bound work more
//    threads than cores adds no throughput; it only competes with the main
//    thread, which is the one serving requests. We default to the CPU count.
//
//   node bench/runtime/defaults.mjs [--quick]

import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ThreadPoolExecutor } from '@unblock/runtime';
import { median, percentile } from './measure.mjs';
import { fixed, printTable, ratio } from './table.mjs';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = flags.quick;
const cores = availableParallelism();

// ── 1. Calls with gaps between them ────────────────────────────────────────
async function gappedLatencies(idleTimeoutMs, calls, gapMs) {
  const executor = new ThreadPoolExecutor({ name: `idle-${idleTimeoutMs}`, maxWorkers: 1, idleTimeoutMs });
  await executor.submit((n) => n, [0]);
  const latencies = [];
  for (let i = 0; i < calls; i++) {
    await sleep(gapMs);
    const start = performance.now();
    await executor.submit((n) => n + 1, [i]);
    latencies.push((performance.now() - start) * 1000);
  }
  await executor.close();
  return latencies;
}

const gapMs = 50;
const calls = quick ? 15 : 60;
const eager = await gappedLatencies(0, calls, gapMs);
const kept = await gappedLatencies(30_000, calls, gapMs);
printTable(
  `one call every ${gapMs} ms, ${calls} calls: round trip (lower is better)`,
  ['idleTimeoutMs', 'p50 µs', 'p99 µs', '×ours'],
  [
    ['0 (piscina default)', fixed(median(eager)), fixed(percentile(eager, 99)), ratio(median(eager), median(kept))],
    ['30 000 (ours)', fixed(median(kept)), fixed(percentile(kept, 99)), ratio(median(kept), median(kept))],
  ],
);

// ── 2. CPU-bound work, and what it does to the main thread ─────────────────
// Fixed work, not a fixed time: a time-based spin finishes on schedule
// however many threads share a core, and would hide oversubscription.
function work(iterations) {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 31) + i) | 0;
  return x;
}

function iterationsFor(ms) {
  let iterations = 1e6;
  for (;;) {
    const start = performance.now();
    work(iterations);
    const took = performance.now() - start;
    if (took > 20) return Math.round((iterations * ms) / took);
    iterations *= 2;
  }
}

async function cpuBurst(maxWorkers, tasks, iterations) {
  const executor = new ThreadPoolExecutor({ name: `workers-${maxWorkers}`, maxWorkers, minWorkers: maxWorkers });
  await Promise.all(Array.from({ length: maxWorkers * 4 }, () => executor.submit(work, [iterations])));
  // The main thread's own responsiveness while the pool is busy: a 1 ms timer's lateness.
  let stopped = false;
  const lateness = [];
  const probe = (async () => {
    while (!stopped) {
      const start = performance.now();
      await sleep(1);
      lateness.push((performance.now() - start - 1) * 1000);
    }
  })();
  const start = performance.now();
  await Promise.all(Array.from({ length: tasks }, () => executor.submit(work, [iterations])));
  const elapsed = performance.now() - start;
  stopped = true;
  await probe;
  await executor.close();
  return { elapsed, lateness };
}

const taskMs = 10;
const iterations = iterationsFor(taskMs);
const tasks = quick ? cores * 20 : cores * 80;
const piscinaSize = Math.max(1, Math.round(cores * 1.5));
const rounds = quick ? 1 : 3;
const results = { ours: [], piscinas: [] };
for (let r = 0; r < rounds; r++) {
  results.ours.push(await cpuBurst(cores, tasks, iterations));
  results.piscinas.push(await cpuBurst(piscinaSize, tasks, iterations));
}
const summary = (runs) => ({
  elapsed: median(runs.map((run) => run.elapsed)),
  p99: median(runs.map((run) => percentile(run.lateness, 99))),
});
const ours = summary(results.ours);
const wide = summary(results.piscinas);
printTable(
  `${tasks} CPU-bound tasks of ${taskMs} ms on ${cores} CPU(s): wall time, and a 1 ms timer's lateness on the main thread (lower is better)`,
  ['maxWorkers', 'wall ms', '×ours', 'main-thread p99 late µs', '×ours'],
  [
    [`${piscinaSize} (1.5× cores, piscina default)`, fixed(wide.elapsed), ratio(wide.elapsed, ours.elapsed), fixed(wide.p99), ratio(wide.p99, ours.p99)],
    [`${cores} (cores, ours)`, fixed(ours.elapsed), ratio(ours.elapsed, ours.elapsed), fixed(ours.p99), ratio(ours.p99, ours.p99)],
  ],
);
