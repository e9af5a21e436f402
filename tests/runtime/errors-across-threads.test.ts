// What piscina loses when an error crosses back from a worker (the class,
// own properties such as `code`), the runtime must keep.

import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPoolExecutor, ThrownValueNotCloneableError, workerModule } from '@unblock/runtime';
import { pathToFileURL } from 'node:url';
import { fixture } from './helpers/node.js';

const executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'errors-test' });
afterAll(() => executor.close());
const failing = workerModule<typeof import('./fixtures/failing.mjs')>(pathToFileURL(fixture('failing.mjs')), { executor });

function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );
}

describe('an error thrown in a worker', () => {
  it('keeps its class name, name, message, stack and own properties', async () => {
    const error = await rejection(failing.find('user 7'));
    expect(error.constructor.name).toBe('NotFoundError');
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe('user 7 not found');
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error).toBeInstanceOf(Error);
    // The stack is the worker's: it points into the module that threw.
    expect(error.stack).toMatch(/^NotFoundError: user 7 not found\n/);
    expect(error.stack).toContain('failing.mjs');
  });

  it('keeps the built-in base class of a subclass, and the cause chain', async () => {
    const error = await rejection(
      executor.submit(() => {
        class PaymentError extends RangeError {
          readonly code = 'E_PAYMENT';
          readonly amount = 42;
        }
        throw new PaymentError('card declined', { cause: Object.assign(new Error('issuer said no'), { code: 'E_ISSUER' }) });
      }),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.constructor.name).toBe('PaymentError');
    expect(error.name).toBe('RangeError');
    expect(error.code).toBe('E_PAYMENT');
    expect(error.amount).toBe(42);
    const cause = error.cause as Error & { code?: string };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.message).toBe('issuer said no');
    expect(cause.code).toBe('E_ISSUER');
    expect(error.stack).toMatch(/^RangeError: card declined\n/);
  });

  it('keeps built-in classes as themselves', async () => {
    const error = await rejection(executor.submit((): unknown => JSON.parse('{')));
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error.constructor).toBe(SyntaxError);
  });

  it('keeps AggregateError and its errors', async () => {
    const error = await rejection(failing.failWithAggregate());
    expect(error).toBeInstanceOf(AggregateError);
    const errors = (error as unknown as AggregateError).errors as Error[];
    expect(errors.map((e) => [e.constructor.name, e.message])).toEqual([
      ['TypeError', 'first'],
      ['RangeError', 'second'],
    ]);
  });

  it('keeps own properties that are not enumerable as not enumerable', async () => {
    const error = await rejection(
      executor.submit(() => {
        const e = new Error('hidden');
        Object.defineProperty(e, 'secret', { value: 's3', enumerable: false });
        throw e;
      }),
    );
    expect(error.secret).toBe('s3');
    expect(Object.keys(error)).not.toContain('secret');
  });
});

describe('a thrown value that is not an Error', () => {
  it('arrives as the value itself when it clones', async () => {
    await expect(failing.failWithString()).rejects.toBe('plain string');
    await expect(failing.failWithObject()).rejects.toEqual({ status: 418, reason: 'teapot' });
  });

  it('becomes a coded error when it cannot be cloned', async () => {
    const error = await rejection(failing.failWithSymbol());
    expect(error).toBeInstanceOf(ThrownValueNotCloneableError);
    expect(error.code).toBe('ERR_UNBLOCK_THROWN_VALUE_NOT_CLONEABLE');
    expect(error.message).toContain('Symbol(odd)');
  });
});
