import { afterAll, describe, expect, it } from 'vitest';
import {
  FreeVariableError,
  FunctionNotPortableError,
  InvalidArgumentError,
  ThreadPoolExecutor,
  getDefaultExecutor,
  offload,
  runInExecutor,
  setDefaultExecutor,
} from '@unblock/runtime';
import { isMainThread, threadId } from 'node:worker_threads';

const own = new ThreadPoolExecutor({ maxWorkers: 1, name: 'offload-test' });
afterAll(() => own.close());

describe('offload', () => {
  it('runs the function on another thread and resolves to its result', async () => {
    const where = await offload(() => {
      const { isMainThread, threadId } = process.getBuiltinModule('node:worker_threads');
      return { isMainThread, threadId };
    });
    expect(isMainThread).toBe(true);
    expect(where.isMainThread).toBe(false);
    expect(where.threadId).not.toBe(threadId);
  });

  it('passes arguments and returns results by structured clone', async () => {
    const input = { when: new Date(0), tags: new Set(['a']), bytes: new Uint8Array([1, 2, 3]) };
    const output = await offload((value: typeof input) => {
      value.tags.add('b');
      return { ...value, sum: value.bytes.reduce((a, b) => a + b, 0) };
    }, input);
    expect(output.sum).toBe(6);
    expect(output.when).toEqual(new Date(0));
    expect([...output.tags]).toEqual(['a', 'b']);
    expect([...input.tags]).toEqual(['a']); // the caller's object was copied, not shared
  });

  it('awaits async functions', async () => {
    const result = await offload(async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return 'later';
    }, 5);
    expect(result).toBe('later');
  });

  it('accepts function declarations, expressions and object methods', async () => {
    function triple(n: number): number {
      return n * 3;
    }
    const helpers = {
      square(n: number): number {
        return n * n;
      },
    };
    expect(await offload(triple, 2)).toBe(6);
    expect(await offload(function (n: number) { return n - 1; }, 2)).toBe(1);
    // A method's source is sent, not a bound method: `this` is never used.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    expect(await offload(helpers.square, 5)).toBe(25);
  });

  it('names the outer variable a function closed over', async () => {
    const db = { query: () => 1 };
    // The closure mistake on purpose: the runtime must explain it.
    const error = await offload(() => db.query()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreeVariableError);
    expect((error as FreeVariableError).code).toBe('ERR_UNBLOCK_FREE_VARIABLE');
    expect((error as FreeVariableError).identifier).toBe('db');
    expect((error as Error).message).toBe(
      '`offload`: the function is run in a worker and cannot see `db`; pass it as an argument or use `workerModule`',
    );
  });

  it('points a free variable at the call that sent the function, not only at worker frames', async () => {
    const pepper = 'pepper';
    function hashWithPepper(password: string): Promise<string> {
      // The closure mistake on purpose, in a function whose frame the error must show.
      return offload((text: string) => `${text}${pepper}`, password);
    }
    const error = (await hashWithPepper('secret').catch((e: unknown) => e)) as FreeVariableError;
    expect(error).toBeInstanceOf(FreeVariableError);
    const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')) ?? [];
    const sender = frames.findIndex((frame) => frame.includes('hashWithPepper') && frame.includes('offload.test.ts'));
    expect(sender, error.stack).toBeGreaterThan(0);
    // The worker's frames come first, as they did; the runtime's own frames are left out.
    expect(frames.slice(sender).some((frame) => /[\\/]runtime[\\/]dist[\\/]/.test(frame))).toBe(false);
  });

  it("imports a package the project installs, but not the project's own files (docs/runtime.md)", async () => {
    // Built from text: vitest would rewrite an `import()` written in this file into its own helper.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const importing = (specifier: string) => new Function(`return import(${JSON.stringify(specifier)}).then((module) => Object.keys(module));`) as () => Promise<string[]>;
    // A package name resolves from the runtime's place in node_modules: the project's packages.
    expect(await offload(importing('picocolors'))).toContain('default');
    // A relative path resolves from the runtime's worker file, where the project's files are not.
    const error = await offload(importing('./helpers/not-next-to-the-worker.js')).catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('ERR_MODULE_NOT_FOUND');
  });

  it('leaves other ReferenceErrors alone', async () => {
    const error = await offload(() => {
      // A temporal-dead-zone error is the function's own bug, not a closure.
      const read = (): number => late;
      const value = read();
      const late = 1;
      return value + late;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceError);
    expect(error).not.toBeInstanceOf(FreeVariableError);
  });

  it('refuses functions that have no source to send', async () => {
    await expect(offload(Math.max, 1, 2)).rejects.toBeInstanceOf(FunctionNotPortableError);
    const bound = ((n: number) => n).bind(null);
    await expect(offload(bound, 1)).rejects.toMatchObject({ code: 'ERR_UNBLOCK_FUNCTION_NOT_PORTABLE' });
    class Service {}
    await expect(offload(Service as unknown as () => void)).rejects.toMatchObject({ code: 'ERR_UNBLOCK_FUNCTION_NOT_PORTABLE' });
  });

  it('rejects a non-function with a clear error', async () => {
    await expect(offload('x => x' as unknown as () => void)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('runInExecutor', () => {
  it('uses the given executor', async () => {
    const before = own.stats.completed;
    expect(await runInExecutor(own, (a: number, b: number) => a * b, 6, 7)).toBe(42);
    expect(own.stats.completed).toBe(before + 1);
  });

  it('uses the default executor when given undefined', async () => {
    const before = getDefaultExecutor().stats.completed;
    expect(await runInExecutor(undefined, (s: string) => s.toUpperCase(), 'py')).toBe('PY');
    expect(getDefaultExecutor().stats.completed).toBe(before + 1);
  });
});

describe('default executor', () => {
  it('is created once and can be replaced', async () => {
    const first = getDefaultExecutor();
    expect(getDefaultExecutor()).toBe(first);
    const replacement = new ThreadPoolExecutor({ maxWorkers: 1, name: 'replacement' });
    expect(setDefaultExecutor(replacement)).toBe(first);
    try {
      expect(getDefaultExecutor()).toBe(replacement);
      await offload(() => 1);
      expect(replacement.stats.completed).toBe(1);
    } finally {
      setDefaultExecutor(first);
      await replacement.close();
    }
  });

  it('is recreated after it was closed', async () => {
    const closed = getDefaultExecutor();
    await closed.close();
    const fresh = getDefaultExecutor();
    expect(fresh).not.toBe(closed);
    expect(await offload(() => 'alive')).toBe('alive');
  });

  it('refuses something that is not an executor', () => {
    expect(() => setDefaultExecutor({} as ThreadPoolExecutor)).toThrow(InvalidArgumentError);
  });
});
