// Options are validated up front, and every error names the option.

import { describe, expect, it } from 'vitest';
import { InvalidOptionError, ThreadPoolExecutor, type ExecutorOptions } from '@unblock/runtime';
import { availableParallelism } from 'node:os';

function optionError(options: unknown): InvalidOptionError {
  try {
    new ThreadPoolExecutor(options as ExecutorOptions);
  } catch (error) {
    return error as InvalidOptionError;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe('executor options', () => {
  it('have documented defaults', async () => {
    const executor = new ThreadPoolExecutor();
    expect(executor.options).toEqual({
      maxWorkers: availableParallelism(),
      minWorkers: 0,
      maxQueue: Infinity,
      idleTimeoutMs: 30_000,
      resourceLimits: undefined,
      name: 'unblock',
    });
    expect(executor.stats.workers).toBe(0); // nothing starts until there is work
    await executor.close();
  });

  it.each([
    [{ maxWorkers: 0 }, 'maxWorkers'],
    [{ maxWorkers: 1.5 }, 'maxWorkers'],
    [{ maxWorkers: '4' }, 'maxWorkers'],
    [{ minWorkers: -1 }, 'minWorkers'],
    [{ minWorkers: 3, maxWorkers: 2 }, 'minWorkers'],
    [{ maxQueue: -1 }, 'maxQueue'],
    [{ maxQueue: Number.NaN }, 'maxQueue'],
    [{ idleTimeoutMs: -5 }, 'idleTimeoutMs'],
    [{ idleTimeoutMs: 2 ** 40 }, 'idleTimeoutMs'],
    [{ resourceLimits: 'small' }, 'resourceLimits'],
    [{ resourceLimits: { maxOldGenerationSizeMb: 0 } }, 'resourceLimits.maxOldGenerationSizeMb'],
    [{ resourceLimits: { heapMb: 10 } }, 'resourceLimits.heapMb'],
    [{ name: '' }, 'name'],
    [{ maxThreads: 4 }, 'maxThreads'],
    ['fast', 'options'],
  ])('rejects %j naming `%s`', (options, option) => {
    const error = optionError(options);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.code).toBe('ERR_UNBLOCK_INVALID_OPTION');
    expect(error.option).toBe(option);
    expect(error.message).toContain(`\`${option}\``);
  });

  it('raises the default maxWorkers to a larger minWorkers instead of failing', async () => {
    const executor = new ThreadPoolExecutor({ minWorkers: availableParallelism() + 1 });
    expect(executor.options.maxWorkers).toBe(availableParallelism() + 1);
    await executor.close();
  });

  it('accept Infinity for maxQueue and idleTimeoutMs', async () => {
    const executor = new ThreadPoolExecutor({ maxQueue: Infinity, idleTimeoutMs: Infinity });
    expect(executor.options).toMatchObject({ maxQueue: Infinity, idleTimeoutMs: Infinity });
    await executor.close();
  });
});
