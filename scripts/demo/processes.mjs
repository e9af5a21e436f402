// Child processes the demo starts, and the guarantee that none outlives it: every child is
// registered, killed by its own pid when the demo exits for any reason, and bounded in time.
import { spawn } from 'node:child_process';

const children = new Set();

function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Kills every child and ends the demo after `ms` whatever it is doing. */
export function hardTimeout(ms, what) {
  const timer = setTimeout(() => {
    console.error(`\nunblock demo: ${what} took longer than ${Math.round(ms / 1000)} s; stopping.`);
    killAll();
    process.exit(1);
  }, ms);
  timer.unref();
  return timer;
}

const guard = new URL('guard.mjs', import.meta.url).href;

/**
 * Runs a Node script as a child the demo owns: registered for clean-up, with guard.mjs preloaded
 * (it exits when the demo goes away or after `lifetimeMs`), and in a session of its own, so
 * that on a busy machine the scheduler shares CPU time between the service, the load and the
 * probes as if they ran on different machines, rather than as one group.
 */
export function spawnNode(script, args, { lifetimeMs, env = process.env, ...options }) {
  const stdio = [...(options.stdio ?? ['ignore', 'pipe', 'pipe']), 'ipc'];
  return spawnChild(process.execPath, ['--import', guard, script, ...args], {
    ...options,
    stdio,
    detached: true,
    env: { ...env, UNBLOCK_DEMO_LIFETIME_MS: String(lifetimeMs) },
  });
}

/** spawn(), registered for clean-up. */
function spawnChild(command, args, options) {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Resolves with the exit code once `child` has exited. */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Asks `child` to stop with SIGTERM, and kills it if it has not exited after `graceMs`. */
export async function stopChild(child, graceMs = 2000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}
