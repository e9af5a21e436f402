// The CI-sized soak: the same script as `npm run bench`'s million-task run,
// with 200 tasks. It checks that every task came back right, that the pools
// hold nothing afterwards, and that the sampled heap did not climb.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoRoot, runNode } from './helpers/node.js';

interface Stats {
  readonly running: number;
  readonly queued: number;
  readonly completed: number;
  readonly failed: number;
}

interface SoakReport {
  readonly tasks: number;
  readonly wrong: number;
  readonly gc: boolean;
  readonly heapRatioEnd: number;
  readonly samples: readonly { readonly done: number; readonly heap: number }[];
  readonly stats: { readonly offload: Stats; readonly submit: Stats };
}

describe('soak', () => {
  it('runs 200 small tasks through offload, submit and workerModule and leaves both pools empty', async () => {
    const tasks = 200;
    const run = await runNode(['--expose-gc', join(repoRoot, 'bench/runtime/soak.mjs'), '--tasks', String(tasks), '--in-flight', '16', '--samples', '4', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SoakReport;

    expect(report.tasks).toBe(tasks);
    expect(report.wrong).toBe(0);
    expect(report.gc).toBe(true);
    expect(report.samples.map((s) => s.done)).toEqual([200]);

    // Paths are taken in turn: i % 3 === 0 goes through offload (the default
    // executor), the rest through the soak executor's submit and workerModule.
    const throughOffload = Math.ceil(tasks / 3);
    expect(report.stats.offload).toMatchObject({ running: 0, queued: 0, failed: 0, completed: throughOffload });
    expect(report.stats.submit).toMatchObject({ running: 0, queued: 0, failed: 0, completed: tasks - throughOffload });
  });

  it('samples the heap across the run and ends near where it started', async () => {
    const run = await runNode(['--expose-gc', join(repoRoot, 'bench/runtime/soak.mjs'), '--tasks', '3000', '--samples', '4', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SoakReport;
    expect(report.wrong).toBe(0);
    expect(report.samples.map((s) => s.done)).toEqual([1000, 1500, 2000, 2500, 3000]);
    // Memory, not time. The heap after a forced gc is about 4 MiB and moves
    // by a few per cent between runs; a leak of 1 KiB per task would add
    // 2 MiB over these 2,000 tasks, about 1.5×.
    expect(report.heapRatioEnd).toBeLessThan(1.25);
  });
});
