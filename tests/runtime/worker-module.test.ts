// workerModule runs a module's exports in the pool by URL and export name.

import { afterAll, describe, expect, it } from 'vitest';
import { ExportNotFunctionError, InvalidModuleUrlError, ThreadPoolExecutor, workerModule } from '@unblock/runtime';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { fixture, runNode } from './helpers/node.js';

const executor = new ThreadPoolExecutor({ maxWorkers: 1, name: 'module-test' });
afterAll(() => executor.close());
const mathUrl = pathToFileURL(fixture('math.mjs'));
const math = workerModule<typeof import('./fixtures/math.mjs')>(mathUrl, { executor });

describe('workerModule', () => {
  it('runs named, default and async exports in a worker', async () => {
    expect(await math.add(2, 3)).toBe(5);
    expect(await math.default('ada')).toBe('hello, ada');
    expect(await math.slowDouble(21, 1)).toBe(42);
    expect(await math.whereAmI()).not.toBe(threadId);
  });

  it('is typed after the module', () => {
    // Compile-time only: tsc fails on an unused @ts-expect-error.
    const typed = (): void => {
      // @ts-expect-error add takes numbers
      void math.add('2', 3);
      // @ts-expect-error non-function exports are not offered
      void math.notAFunction;
      const promised: Promise<number> = math.add(1, 2);
      void promised;
    };
    expect(typeof typed).toBe('function');
  });

  it('accepts a file URL string and an absolute path', async () => {
    expect(await workerModule<typeof import('./fixtures/math.mjs')>(mathUrl.href, { executor }).add(1, 1)).toBe(2);
    expect(await workerModule<typeof import('./fixtures/math.mjs')>(fixture('math.mjs'), { executor }).add(2, 2)).toBe(4);
  });

  it('refuses anything else with a clear error', () => {
    for (const bad of ['./fixtures/math.mjs', 'math.mjs', 'https://example.com/m.js', new URL('https://example.com/m.js'), 42]) {
      expect(() => workerModule(bad as string)).toThrow(InvalidModuleUrlError);
    }
    expect(() => workerModule('./fixtures/math.mjs')).toThrow(/needs a file: URL or an absolute path/);
  });

  it('reports an export that is missing or not a function', async () => {
    const loose = workerModule<Record<string, (...args: unknown[]) => unknown>>(mathUrl, { executor });
    await expect(loose['nope']!()).rejects.toBeInstanceOf(ExportNotFunctionError);
    await expect(loose['nope']!()).rejects.toThrow(/`nope` exported by .*math\.mjs is not exported, not a function/);
    await expect(loose['notAFunction']!()).rejects.toMatchObject({ code: 'ERR_UNBLOCK_EXPORT_NOT_FUNCTION' });
  });

  it('reports a module that cannot be found, and does not cache the failure', async () => {
    const missing = workerModule<Record<string, () => unknown>>(pathToFileURL(fixture('does-not-exist.mjs')), { executor });
    await expect(missing['anything']!()).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
    await expect(missing['anything']!()).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  });

  it('is not mistaken for a promise', async () => {
    // The point: a proxy must not look like a thenable to `await`.
    // eslint-disable-next-line @typescript-eslint/await-thenable
    const awaited = await math;
    expect(awaited).toBe(math);
  });

  it('hands out functions that submit() accepts, to add a signal or transferList', async () => {
    const controller = new AbortController();
    expect(await executor.submit(math.add, [4, 5], { signal: controller.signal })).toBe(9);
  });

  it('runs without compiling strings, so it works under --disallow-code-generation-from-strings where offload cannot', async () => {
    const run = await runNode(['--disallow-code-generation-from-strings', fixture('codegen-disallowed.mjs')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { offloaded: { code: string; message: string }; viaModule: number };
    expect(report.viaModule).toBe(3);
    expect(report.offloaded.code).toBe('ERR_UNBLOCK_CODEGEN_DISALLOWED');
    expect(report.offloaded.message).toContain('workerModule');
  });

  it('loads a TypeScript module when the parent runs under `node --import tsx`', async () => {
    const run = await runNode(['--import', 'tsx', fixture('tsx-parent.ts')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('hello ada, seen 3 times\n');
  });
});
