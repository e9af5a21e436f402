// Runs a retry helper before and after the busy-wait codemod: both wait the
// same backoff and give the same result, but only the rewritten one lets a
// timer fire while it waits.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { busyWait } from '../../../codemods/busy-wait/transform.js';

const RETRY = `export async function retry(task, backoffMs) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt === 2) throw error;
      const until = Date.now() + backoffMs;
      while (Date.now() < until) {}
    }
  }
}
`;

const directory = mkdtempSync(path.join(tmpdir(), 'unblock-busy-wait-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface RetryModule {
  retry(task: (attempt: number) => Promise<string>, backoffMs: number): Promise<string>;
}

async function load(name: string, source: string): Promise<RetryModule> {
  const file = path.join(directory, name);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as RetryModule;
}

/** How many 5 ms ticks of a concurrent interval ran while `retry` waited out two backoffs. */
async function ticksDuring(module: RetryModule): Promise<{ result: string; ticks: number }> {
  let ticks = 0;
  const interval = setInterval(() => ticks++, 5);
  try {
    const result = await module.retry((attempt) => {
      if (attempt < 2) return Promise.reject(new Error(`attempt ${attempt} failed`));
      return Promise.resolve(`succeeded on attempt ${attempt}`);
    }, 60);
    return { result, ticks };
  } finally {
    clearInterval(interval);
  }
}

describe('busy-wait codemod, run', () => {
  it('keeps the retry result and lets timers run during the backoff', async () => {
    const fixed = busyWait.transform(RETRY, { filePath: path.join(directory, 'retry.mjs') });
    expect(fixed.fixed.map((site) => site.api)).toEqual(['spin loop']);
    expect(fixed.output).toContain('await setTimeout(Math.max(0, until - Date.now()))');

    const before = await ticksDuring(await load('before.mjs', RETRY));
    const after = await ticksDuring(await load('after.mjs', fixed.output!));
    expect(after.result).toBe(before.result);
    expect(before.result).toBe('succeeded on attempt 2');
    // The spin holds the loop for both backoffs: the interval never gets a turn.
    expect(before.ticks).toBe(0);
    // Two 60 ms backoffs on timers leave room for many 5 ms ticks; one is enough to prove it.
    expect(after.ticks).toBeGreaterThan(0);
  });
});
