// bench/scale/measure.mjs reports CPU time beside wall time and peak RSS, by GNU time where the
// machine has it and by its own wrapper where it does not: both ways give the same fields.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

// @ts-expect-error: a plain .mjs script of the bench, without types.
import { hasGnuTime, measure } from '../../bench/scale/measure.mjs';

const work = mkdtempSync(path.join(os.tmpdir(), 'unblock-measure-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Spins for a fixed amount of work (not of time), fills 200 MiB, and exits with status 3. */
const script = path.join(work, 'busy.mjs');
writeFileSync(script, `let sum = 0;\nfor (let i = 0; i < 3e7; i++) sum += i % 7;\nconst block = Buffer.alloc(200 * 1024 * 1024, 1);\nconsole.log(sum + block[0] > 0 ? 'done' : 'never');\nprocess.exitCode = 3;\n`);

interface Measured {
  readonly status: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rssMiB: number;
  readonly via: string;
}

const ways = [{ useGnuTime: false, via: 'resourceUsage' }, ...((hasGnuTime as () => boolean)() ? [{ useGnuTime: true, via: 'GNU time' }] : [])];

describe('bench/scale/measure.mjs', () => {
  it.each(ways)('reports status, wall and CPU seconds and peak RSS via $via', async ({ useGnuTime, via }) => {
    const result = await (measure as (script: string, args: string[], options: object) => Promise<Measured>)(script, [], { cwd: work, useGnuTime });
    expect(result).toMatchObject({ status: 3, via });
    expect(result.cpuSeconds).toBeGreaterThan(0);
    expect(Number.isFinite(result.cpuSeconds)).toBe(true);
    expect(result.seconds).toBeGreaterThan(0);
    // The peak is the child's, 200 MiB filled, not the bench's.
    expect(result.rssMiB).toBeGreaterThan(200);
  });
});
