// Latency of the cheap endpoint, as a client sees it. Probes go out on a fixed schedule whether
// or not the previous one has been answered (an open loop), so a blocked event loop delays every
// probe that comes due while it is blocked, not just the first.
//
// The probes share a pool of keep-alive connections opened before the load starts. A blocked
// Node server accepts new connections slowly (about one per turn of its loop), so a probe that
// had to connect under load would measure the accept queue rather than the loop's answer time.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { request } from './service.mjs';

const SOCKETS = 64;

/** Opens the connection pool; call `run` (as often as needed), then `close`. */
export async function openProber(url) {
  // fifo: every connection is used in turn, so none sits idle long enough to be closed.
  const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS, scheduling: 'fifo' });
  await Promise.all(Array.from({ length: SOCKETS }, () => request(`${url}/health`, { agent })));

  /**
   * GETs /health every `intervalMs` for `durationMs`. Resolves with one sample per probe: `at`
   * (ms since the start) and `ms` (from the request, including any wait for a free connection,
   * to the full response), in the order they were sent. A probe that fails has `ms` NaN and
   * its `error`: a server blocked for seconds resets kept-alive connections (its keep-alive
   * timers fire before it reads the requests waiting on them).
   */
  async function run({ durationMs, intervalMs }) {
    const samples = [];
    const inFlight = [];
    const start = performance.now();
    for (let due = start; due - start < durationMs; due += intervalMs) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const sample = { at: performance.now() - start, ms: Number.NaN };
      samples.push(sample);
      inFlight.push(
        request(`${url}/health`, { agent, timeoutMs: 15_000 }).then(
          (response) => {
            if (response.status === 200) sample.ms = response.ms;
            else sample.error = `status ${response.status}`;
          },
          (error) => (sample.error = error.code ?? error.message),
        ),
      );
    }
    await Promise.all(inFlight);
    if (samples.every((sample) => sample.error)) throw new Error(`every /health probe failed: ${samples[0]?.error}`);
    return samples;
  }

  return { run, close: () => agent.destroy() };
}
