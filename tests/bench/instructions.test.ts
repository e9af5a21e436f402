// bench/lint/instructions.mjs counts the instructions a Node command executes under valgrind's
// callgrind (cold.mjs --instructions): the count must come from valgrind's own summary, and
// more work must count more.

import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain .mjs script of the bench, without types.
import { countInstructions, hasValgrind, instructionsFrom } from '../../bench/lint/instructions.mjs';

const parse = instructionsFrom as (stderr: string) => number;
const count = countInstructions as (args: string[]) => Promise<{ instructions: number; stdout: string }>;

describe('bench/lint/instructions.mjs', () => {
  it("reads the total from callgrind's summary", () => {
    const stderr = '==24186== Events    : Ir\n==24186== Collected : 63355820963\n==24186== \n==24186== I   refs:      63,355,820,963\n';
    expect(parse(stderr)).toBe(63_355_820_963);
  });

  it('says so when there is no count, with the end of what valgrind printed', () => {
    expect(() => parse('valgrind: failed to start tool\n')).toThrow(/no instruction count in valgrind's output:\nvalgrind: failed to start tool/);
  });

  it.skipIf(!(hasValgrind as () => boolean)())('counts more instructions for ten times the work, and passes the output on', async () => {
    const loop = (times: number) => ['-e', `let sum = 0;\nfor (let i = 0; i < ${times}; i++) sum += i % 7;\nconsole.log(sum);`];
    const [small, large] = await Promise.all([count(loop(1e6)), count(loop(1e7))]);
    expect(small.stdout).toBe('2999997\n');
    expect(large.stdout).toBe('29999994\n');
    // Node's start-up is in both; the loop's nine million more rounds are a few instructions each.
    expect(large.instructions - small.instructions).toBeGreaterThan(9e6 * 3);
  }, 120_000);
});
