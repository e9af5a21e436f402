// Step 4's figures: the after-fix runs folded into one phase, the headline verdict, and the
// per-endpoint rows of the before/after table.
import { combine, describeUsage } from './cpu.mjs';
import { formatMs, formatRate } from './stats.mjs';

/** The target: after the fix, /health p99 under load within this many times the idle p99. */
export const TARGET = 2;

/** The middle value (the lower of the two middles for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Several loaded phases of one service as one: the median of each figure, the samples of the run
 * whose p99 is the median (for the charts), each run's p99 and load average, and the CPU use of
 * all of them together.
 */
export function medianPhase(phases) {
  const p99 = median(phases.map((phase) => phase.p99));
  const middle = phases.find((phase) => phase.p99 === p99);
  const routes = Object.keys(phases[0].rates);
  const cpu = phases.every((phase) => phase.cpu) ? combine(phases.map((phase) => phase.cpu)) : undefined;
  return {
    ...middle,
    p50: median(phases.map((phase) => phase.p50)),
    p99,
    throughput: median(phases.map((phase) => phase.throughput)),
    rates: Object.fromEntries(routes.map((route) => [route, median(phases.map((phase) => phase.rates[route]))])),
    maxDelayMs: median(phases.map((phase) => phase.maxDelayMs)),
    runs: phases.map((phase) => ({ p99: phase.p99, loadAverage: phase.loadAverage })),
    cpu,
  };
}

const list = (items) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * The headline: after-fix p99 under load against idle, with the runs and the machine's load next
 * to it, and, when the target is missed, what used the CPUs and what the fix left on the loop.
 */
export function verdictFor({ idle, before, after, cpus, residuals }) {
  const ratio = after.p99 / idle.p99;
  const met = ratio <= TARGET;
  const runs = after.runs;
  const spread =
    runs.length > 1
      ? `, the median of ${runs.length} runs (${list(runs.map((run) => formatMs(run.p99)))}; load average ${list(runs.map((run) => run.loadAverage.toFixed(1)))} on ${cpus} CPUs)`
      : ` (load average ${runs[0].loadAverage.toFixed(1)} on ${cpus} CPUs)`;
  const why = [];
  if (!met && after.cpu) why.push(`What used the CPUs during the after-fix loads: ${describeUsage(after.cpu, cpus)}.`);
  if (!met && residuals.length > 0) {
    why.push(`Left on the event loop by design, and in the load: ${list(residuals.map((endpoint) => `${endpoint.route} (${endpoint.residualShort}, ${formatMs(endpoint.busyAfter)} a request)`))}.`);
  }
  return {
    met,
    ratio,
    text:
      `After the fix, /health p99 under load is ${ratio.toFixed(1)}× idle: ${formatMs(after.p99)}${spread}, against ${formatMs(idle.p99)} idle. ` +
      (met ? `Target (within ${TARGET}× of idle) met.` : `Target (within ${TARGET}× of idle) not met on this run.`) +
      ` Before the fix it was ${formatMs(before.p99)}, ${(before.p99 / after.p99).toFixed(0)}× the fixed figure.` +
      (why.length > 0 ? ` ${why.join(' ')}` : ''),
  };
}

/** One row per endpoint: loop busy per request before → after, and requests per second under load before → after. */
export function endpointTable(endpoints, before, after) {
  const rate = (phase, endpoint) => (endpoint.loaded ? formatRate(phase.rates[endpoint.route] ?? 0) : '—');
  return endpoints.map((endpoint) => [
    endpoint.route,
    `${formatMs(endpoint.busyBefore)} → ${formatMs(endpoint.busyAfter)}`,
    `${rate(before, endpoint)} → ${rate(after, endpoint)}`,
    endpoint.residual && endpoint.loaded ? `${endpoint.residualShort} stays on the loop` : endpoint.note,
  ]);
}
