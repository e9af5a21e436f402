// One measurement of a running service: /health probed idle, then while autocannon loads the
// endpoints, with the service's own event-loop figures and who used the CPUs under the load.
import os from 'node:os';

import { snapshot, usage } from './cpu.mjs';
import { startLoad } from './load.mjs';
import { formatMs, formatRate, percentile } from './stats.mjs';

/**
 * Measures `service` through `prober` (one of openProber's): a warm-up, an idle window and a
 * loaded window, as `settings` sizes them. `label` names the measurement in what it prints.
 */
export async function measureWindow(service, prober, { key, label, requests, settings }) {
  await prober.run({ durationMs: 500, intervalMs: settings.intervalMs }); // warm-up, not counted
  await service.metrics(true);
  const idle = await prober.run({ durationMs: settings.idleMs, intervalMs: settings.intervalMs });
  const idleStats = await service.metrics(true);
  const warningsBefore = service.blockWarnings;
  const load = await startLoad({ url: service.url, requests, connections: settings.connections, durationMs: settings.loadMs + 500 });
  const threads = [[service.pid, service.pid]];
  const cpuBefore = snapshot(threads);
  const loadedSamples = await prober.run({ durationMs: settings.loadMs, intervalMs: settings.intervalMs });
  const cpuAfter = snapshot(threads);
  const loadAverage = os.loadavg()[0];
  const loadStats = await service.metrics();
  const cannon = await load.done;
  const phase = {
    key,
    samples: loadedSamples,
    p50: percentile(loadedSamples.map((sample) => sample.ms), 50),
    p99: percentile(loadedSamples.map((sample) => sample.ms), 99),
    throughput: cannon.completed / cannon.durationSeconds,
    /** Requests answered per endpoint per second. */
    rates: Object.fromEntries(Object.entries(cannon.counts).map(([route, count]) => [route, count / cannon.durationSeconds])),
    failed: cannon.non2xx + cannon.errors + cannon.timeouts,
    maxDelayMs: loadStats.delay.maxMs,
    warnings: service.blockWarnings - warningsBefore,
    probesFailed: loadedSamples.filter((sample) => sample.error).length,
    loadAverage,
    cpu:
      cpuBefore && cpuAfter
        ? usage(cpuBefore, cpuAfter, [
            { label: "the service's event loop", pid: service.pid, thread: service.pid },
            { label: 'its worker and libuv threads', pid: service.pid, exceptThread: service.pid },
            { label: 'autocannon', pid: load.pid },
            { label: 'the probes (this demo)', pid: process.pid },
          ])
        : undefined,
  };
  const failures = [...idle, ...loadedSamples].filter((sample) => sample.error);
  console.log(
    `  ${label.padEnd(26)}  idle: /health p99 ${formatMs(percentile(idle.map((sample) => sample.ms), 99))}` +
      `   under load: p50 ${formatMs(phase.p50)}, p99 ${formatMs(phase.p99)}, ${formatRate(phase.throughput)}, ${phase.warnings} "event loop blocked" warnings; load average ${loadAverage.toFixed(1)}`,
  );
  if (failures.length > 0) {
    console.log(`  ${''.padEnd(26)}  ${failures.length} /health probes failed (${[...new Set(failures.map((sample) => sample.error))].join(', ')}); the percentiles leave them out`);
  }
  if (phase.failed > 0) throw new Error(`${service.label}: ${phase.failed} loaded requests failed`);
  return { idle, idleMaxDelayMs: idleStats.delay.maxMs, phase };
}
