// Offloaded functions are compiled once per worker and cached. These tests pin what that cache
// must not do: change the meaning of the function (strict mode) or break when it is bounded.

import { afterAll, describe, expect, it } from 'vitest';
import { FreeVariableError, ThreadPoolExecutor } from '@unblock/runtime';
// An internal limit, read from the source so the test follows it.
import { MAX_CALLABLES_PER_WORKER } from '../../runtime/src/executor.js';

const pool = new ThreadPoolExecutor({ maxWorkers: 1, name: 'function-cache-test' });
afterAll(() => pool.close());

describe('compiled functions', () => {
  it('run in strict mode: assigning a name the worker lacks fails instead of creating a global', async () => {
    const error = await pool
      .submit(() => {
        // @ts-expect-error -- the point of the test: a name declared nowhere
        leaked = 1;
        return 'ran';
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FreeVariableError);
    expect((error as Error).message).toContain('leaked');
    expect(await pool.submit(() => typeof (globalThis as { leaked?: unknown }).leaked)).toBe('undefined');
  });

  it('stay correct when a worker has held more functions than it may keep and is replaced', async () => {
    const count = MAX_CALLABLES_PER_WORKER + 50;
    const results: number[] = [];
    for (let index = 0; index < count; index++) {
      // A new source each time, as a program that builds functions from data would make.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- building distinct sources is the point
      const fn = new Function('n', `return n + ${index};`) as (n: number) => number;
      results.push(await pool.submit(fn, [1]));
    }
    expect(results).toHaveLength(count);
    expect(results.every((value, index) => value === index + 1)).toBe(true);
    // The pool still works for a function it has seen before.
    expect(await pool.submit((n: number) => n * 2, [21])).toBe(42);
  });
});
