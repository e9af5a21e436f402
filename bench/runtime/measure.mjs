// Timing helpers. Contenders run interleaved, round by round, so that a burst
// of noise from the (shared) machine lands on all of them rather than on one.

import { performance } from 'node:perf_hooks';

export function median(values) {
  return percentile(values, 50);
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Sequential round trips: one task in flight. Returns per-call latencies in µs. */
export async function sequential(contender, { calls, op, makeValue, transfer }) {
  const samples = new Array(calls);
  for (let i = 0; i < calls; i++) {
    const value = makeValue();
    const start = performance.now();
    await contender.call(op, value, transfer);
    samples[i] = (performance.now() - start) * 1000;
  }
  return samples;
}

/** Many tasks in flight at once. Returns µs per task for the whole burst. */
export async function burst(contender, { tasks, op, makeValue, transfer }) {
  const values = Array.from({ length: tasks }, makeValue);
  const start = performance.now();
  const pending = new Array(tasks);
  for (let i = 0; i < tasks; i++) pending[i] = contender.call(op, values[i], transfer);
  await Promise.all(pending);
  return ((performance.now() - start) * 1000) / tasks;
}

/**
 * Runs `measure(contender)` for every contender, `rounds` times, rotating the
 * order each round. Returns { [name]: samples[] } with all rounds' samples.
 */
export async function interleaved(contenders, rounds, measure) {
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length];
      const result = await measure(contender);
      if (Array.isArray(result)) samples[contender.name].push(...result);
      else samples[contender.name].push(result);
    }
  }
  return samples;
}
