// Whether a process stays alive can only be seen from outside it.

import { describe, expect, it } from 'vitest';
import { fixture, runNode } from './helpers/node.js';

describe('process lifetime', () => {
  it('a script awaiting one offload prints the result and exits 0', async () => {
    const run = await runNode([fixture('one-offload.mjs')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('42\n');
  });

  it('an idle pool, even with minWorkers, does not keep the process alive', async () => {
    const run = await runNode([fixture('idle-pool.mjs')]);
    expect(run.signal).toBeNull(); // not killed by the hang guard
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('done\nworkers alive: 2\n');
  });

  it('a task in flight keeps the process alive until it finishes', async () => {
    const run = await runNode([fixture('in-flight.mjs')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('submitted\nslept in the worker\n');
  });

  it("a task's console output arrives before its result and is not lost at exit", async () => {
    const run = await runNode([fixture('worker-prints.mjs')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('worker says 1\nmain got 2\n');
  });
});
