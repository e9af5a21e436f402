// Load on the blocking endpoints with autocannon, in a child process (see load-worker.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exited, spawnNode } from './processes.mjs';

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.mjs');

/**
 * Starts the load; resolves once autocannon is sending, with `done`, a promise of its result, and
 * the load generator's `pid`. The child stops itself if it runs 15 s past its duration (guard.mjs).
 */
export async function startLoad({ url, requests, connections, durationMs }) {
  const options = { url, requests, connections, durationSeconds: durationMs / 1000 };
  const child = spawnNode(worker, [JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'], lifetimeMs: durationMs + 15_000 });
  let output = '';
  let resolveStarted;
  const started = new Promise((resolve) => (resolveStarted = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    output += chunk;
    if (output.includes('started\n')) resolveStarted();
  });
  const done = exited(child).then((code) => {
    resolveStarted();
    const last = output.trim().split('\n').at(-1);
    if (code !== 0 || !last?.startsWith('{')) throw new Error(`the load generator exited with code ${code}`);
    return JSON.parse(last);
  });
  done.catch(() => {}); // the caller awaits it after probing; until then, a failure is not unhandled
  await started;
  return { done, pid: child.pid };
}
