// Arguments and results cross the thread boundary by structured clone. What
// cannot cross must fail loudly, never arrive as `{}`.

import { afterAll, describe, expect, it } from 'vitest';
import { ArgumentNotCloneableError, ResultNotCloneableError, ThreadPoolExecutor, workerModule } from '@unblock/runtime';
import { pathToFileURL } from 'node:url';
import { fixture } from './helpers/node.js';

const executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'cloning-test' });
afterAll(() => executor.close());

describe('results', () => {
  it('reject clearly when they cannot be cloned', async () => {
    const error = await executor.submit(() => ({ callback: () => 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultNotCloneableError);
    expect((error as ResultNotCloneableError).code).toBe('ERR_UNBLOCK_RESULT_NOT_CLONEABLE');
    expect((error as Error).message).toMatch(/^the result cannot be sent to the main thread: .*could not be cloned/);
  });

  it('reject when a class instance would arrive as a plain object', async () => {
    const error = await executor
      .submit(() => {
        class Money {
          #cents = 500;
          get cents(): number {
            return this.#cents;
          }
        }
        return { total: new Money(), note: 'ok' };
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultNotCloneableError);
    expect((error as Error).message).toContain('the result.total is an instance of `Money`');
  });

  it('let cloneable built-ins through, including in nested places', async () => {
    const result = await executor.submit(() => ({
      map: new Map([['k', [new Date(5), /x/g]]]),
      big: 2n ** 70n,
      nested: [{ deep: new Set([1]) }],
    }));
    expect(result.map.get('k')?.[0]).toEqual(new Date(5));
    expect(result.big).toBe(2n ** 70n);
    expect(result.nested[0]?.deep.has(1)).toBe(true);
  });

  it('come back as a Buffer when the function returned a Buffer', async () => {
    const result = await executor.submit((text: string) => Buffer.from(text), ['héllo']);
    expect(Buffer.isBuffer(result)).toBe(true);
    expect(result.toString('utf8')).toBe('héllo');
  });
});

describe('arguments', () => {
  it('reject clearly when they cannot be cloned, without failing other tasks in the batch', async () => {
    const bad = executor.submit((value: unknown) => typeof value, [{ notData: () => 1 }]);
    const good = executor.submit((value: number) => value + 1, [1]);
    const error = await bad.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentNotCloneableError);
    expect((error as Error).message).toContain('cannot be sent to a worker');
    expect(await good).toBe(2);
  });

  it('arrive as Buffers when they were Buffers', async () => {
    const result = await executor.submit((bytes: Buffer) => [Buffer.isBuffer(bytes), bytes.toString('hex')] as const, [Buffer.from([0xca, 0xfe])]);
    expect(result).toEqual([true, 'cafe']);
  });

  it('move instead of copying when listed in transferList', async () => {
    const bytes = new Uint8Array(1024).fill(7);
    const sum = executor.submit((input: Uint8Array) => input.reduce((a, b) => a + b, 0), [bytes], { transferList: [bytes.buffer] });
    expect(await sum).toBe(7 * 1024);
    expect(bytes.byteLength).toBe(0); // detached here: it went to the worker, no copy was made
  });
});

describe('transfer() from a worker module', () => {
  const buffers = workerModule<typeof import('./fixtures/buffers.mjs')>(pathToFileURL(fixture('buffers.mjs')), { executor });

  it('returns the moved bytes', async () => {
    const bytes = await buffers.fill(4096, 9);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteLength).toBe(4096);
    expect(bytes.every((b) => b === 9)).toBe(true);
  });

  it('and copies when not asked to move', async () => {
    const bytes = await buffers.copyOf(16, 3);
    expect([...bytes]).toEqual(new Array(16).fill(3));
  });
});
