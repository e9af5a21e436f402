#!/usr/bin/env node
// Runs one Node command in a child process and reports its wall time, CPU time and peak resident
// set size.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when the machine has it: the kernel's
// figure for the child, whatever the child does. Without it, the command runs inside a small
// wrapper process (rss-wrapper.mjs) that loads the script in itself and reports its own
// `process.resourceUsage().maxRSS` on exit. Either way it is the peak of the largest process,
// worker threads included; processes the command starts itself are not added in.
// Wall time is measured here, around the child, the same way on both paths. CPU time (user and
// system, every thread of the process) comes the same way as peak RSS: with wall time it says how
// many CPUs the run kept busy, which bounds what more threads can gain.
//
//   node bench/scale/measure.mjs [--cwd dir] [--stdout file] -- script.js args…
// prints `{ status, seconds, cpuSeconds, rssMiB, via }` as JSON.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const GNU_TIME = '/usr/bin/time';
const WRAPPER = path.join(import.meta.dirname, 'rss-wrapper.mjs');

/** Whether GNU time is there to ask. */
export function hasGnuTime() {
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `node script …args` in `cwd`, its stdout written to `stdout` (a file path; discarded
 * without one), its stderr kept. Resolves to `{ status, seconds, cpuSeconds, rssMiB, via, stderr }`.
 */
export async function measure(script, args, { cwd = process.cwd(), stdout, env = process.env, useGnuTime = hasGnuTime() } = {}) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'unblock-measure-'));
  const report = path.join(scratch, 'rss');
  const command = useGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', report, process.execPath, script, ...args]] : [process.execPath, [WRAPPER, report, script, ...args]];
  const out = stdout ? openSync(stdout, 'w') : 'ignore';
  try {
    const started = performance.now();
    const { status, stderr } = await new Promise((resolve, reject) => {
      const child = spawn(command[0], command[1], { cwd, env, stdio: ['ignore', out, 'pipe'] });
      let text = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ status: code ?? signal, stderr: text }));
    });
    const seconds = (performance.now() - started) / 1000;
    // GNU time writes "Command exited with non-zero status 1" before the figures: the last line is theirs.
    const [user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    return { status, seconds, cpuSeconds: user + system, rssMiB: kib / 1024, via: useGnuTime ? 'GNU time' : 'resourceUsage', stderr };
  } finally {
    if (typeof out === 'number') closeSync(out);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({ options: { cwd: { type: 'string' }, stdout: { type: 'string' } }, allowPositionals: true });
  const [script, ...args] = positionals;
  if (!script) {
    console.error('usage: node bench/scale/measure.mjs [--cwd dir] [--stdout file] -- script.js args…');
    process.exit(2);
  }
  const { stderr, ...result } = await measure(path.resolve(script), args, { cwd: values.cwd, stdout: values.stdout && path.resolve(values.stdout) });
  process.stderr.write(stderr);
  console.log(JSON.stringify(result));
}
