// docs/runtime.md's table of what crosses the thread boundary, checked both ways: every kind it
// says is kept arrives as the same kind, with the same contents and layout, as an argument and as
// a result; every kind it says is dropped is refused or arrives as the table says.

import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArgumentNotCloneableError, ResultNotCloneableError, ThreadPoolExecutor, workerModule } from '@unblock/runtime';
import { KEPT, describe as describeValue } from './fixtures/crossing.mjs';
import { fixture } from './helpers/node.js';

const executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'crossing-test' });
afterAll(() => executor.close());
const crossing = workerModule<typeof import('./fixtures/crossing.mjs')>(pathToFileURL(fixture('crossing.mjs')), { executor });
/** The proxy loses `echo`'s type parameter. */
const echo = <T>(value: T): Promise<T> => crossing.echo(value) as Promise<T>;

describe('kept', () => {
  for (const [kind, make] of Object.entries(KEPT)) {
    it(`${kind}, as an argument`, async () => {
      const value = make();
      expect(await crossing.describe(value)).toEqual(describeValue(value));
    });

    it(`${kind}, as a result`, async () => {
      expect(describeValue(await crossing.make(kind))).toEqual(describeValue(make()));
    });
  }

  it('typed arrays keep their kind and offset inside the memory they view', async () => {
    const memory = new ArrayBuffer(64);
    const floats = new Float32Array(memory, 8, 4).fill(2.5);
    const back = await echo(floats);
    expect(back).toBeInstanceOf(Float32Array);
    expect([back.byteOffset, back.length, back.buffer.byteLength]).toEqual([8, 4, 64]);
    expect([...back]).toEqual([2.5, 2.5, 2.5, 2.5]);
  });

  it('a Buffer arrives as a Buffer, with what a Uint8Array lacks', async () => {
    const back = await echo({ nested: [Buffer.from('cafe', 'hex')] });
    const bytes = back.nested[0]!;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString('hex')).toBe('cafe');
    expect(bytes.equals(Buffer.from('cafe', 'hex'))).toBe(true);
    expect(Buffer.isBuffer(bytes.slice(0, 1))).toBe(true);
  });
});

describe('dropped', () => {
  class Money {
    readonly cents: number;
    constructor(cents: number) {
      this.cents = cents;
    }
    format(): string {
      return `${this.cents / 100}`;
    }
  }

  it('a class instance given as an argument arrives as a plain object, without its methods', async () => {
    expect(await crossing.describe(new Money(500))).toEqual({ Object: [['cents', 500]] });
  });

  it('a class instance in a result rejects, naming where it sits, next to Buffers that cross', async () => {
    const error = await executor
      .submit(() => {
        class Invoice {
          total = 1;
        }
        return { files: [Buffer.from('pdf'), new Invoice()] };
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResultNotCloneableError);
    expect((error as Error).message).toContain('the result.files[1] is an instance of `Invoice`');
  });

  it('functions are refused both ways', async () => {
    expect(await echo({ callback: () => 1 }).catch((e: unknown) => e)).toBeInstanceOf(ArgumentNotCloneableError);
    expect(await executor.submit(() => ({ callback: () => 1 })).catch((e: unknown) => e)).toBeInstanceOf(ResultNotCloneableError);
  });

  it('symbols are refused both ways', async () => {
    expect(await echo({ tag: Symbol('tag') }).catch((e: unknown) => e)).toBeInstanceOf(ArgumentNotCloneableError);
    expect(await executor.submit(() => ({ tag: Symbol('tag') })).catch((e: unknown) => e)).toBeInstanceOf(ResultNotCloneableError);
  });

  it('an object without a prototype arrives with the ordinary one', async () => {
    expect(await crossing.describe(Object.assign(Object.create(null) as object, { key: 'value' }))).toEqual({ Object: [['key', 'value']] });
  });

  it('a getter arrives as the value it returned when sent, a plain property', async () => {
    let reads = 0;
    const value = {
      get now(): number {
        return ++reads;
      },
    };
    const back = await echo(value);
    expect(reads).toBeGreaterThan(0);
    // The last read is the copy's.
    expect(Object.getOwnPropertyDescriptor(back, 'now')).toEqual({ value: reads, writable: true, enumerable: true, configurable: true });
  });
});
