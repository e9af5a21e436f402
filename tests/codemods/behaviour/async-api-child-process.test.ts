// Runs execSync / execFileSync code before and after the async-api codemod:
// a Buffer stays a Buffer unless an encoding was given, the child's stderr is
// echoed as before (or not, when the options piped it), a child that reads
// stdin sees it closed, and a failing command still throws with its output.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { asyncApi } from '../../../codemods/async-api/transform.js';

const SOURCE = `import { execFileSync, execSync } from 'node:child_process';

const node = JSON.stringify(process.execPath);

export async function raw(code) {
  return execSync(\`\${node} -e \${JSON.stringify(code)}\`);
}

export async function text(code) {
  return execSync(\`\${node} -e \${JSON.stringify(code)}\`, { encoding: 'utf8' });
}

export async function quiet(code) {
  return execSync(\`\${node} -e \${JSON.stringify(code)}\`, { stdio: 'pipe', encoding: 'utf8' });
}

export async function file(...args) {
  return execFileSync(process.execPath, ['-e', ...args]);
}
`;

interface ChildModule {
  raw(code: string): Promise<Buffer>;
  text(code: string): Promise<string>;
  quiet(code: string): Promise<string>;
  file(...args: string[]): Promise<Buffer>;
}

const root = mkdtempSync(path.join(tmpdir(), 'unblock-async-api-child-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let before: ChildModule;
let after: ChildModule;
let output = '';

beforeAll(async () => {
  const result = asyncApi.transform(SOURCE, { filePath: path.join(root, 'child.mjs') });
  expect(result.error).toBeUndefined();
  expect(result.left).toEqual([]);
  output = result.output!;
  writeFileSync(path.join(root, 'before.mjs'), SOURCE);
  writeFileSync(path.join(root, 'after.mjs'), output);
  before = (await import(pathToFileURL(path.join(root, 'before.mjs')).href)) as ChildModule;
  after = (await import(pathToFileURL(path.join(root, 'after.mjs')).href)) as ChildModule;
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `call`, collecting what it writes to this process's stderr. */
async function withStderr<T>(call: () => Promise<T>): Promise<{ result: T | undefined; error: unknown; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += Buffer.from(chunk).toString();
    return true;
  });
  try {
    return { result: await call(), error: undefined, stderr };
  } catch (error) {
    return { result: undefined, error, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('async-api codemod on child_process code, run', () => {
  it('rewrites to promisified exec and execFile', () => {
    expect(output).toContain('promisify(exec)');
    expect(output).toContain('promisify(execFile)');
    expect(output).not.toMatch(/exec(File)?Sync\(/);
  });

  it('returns a Buffer where the sync form did, with the same bytes', async () => {
    const code = 'process.stdout.write("héllo")';
    const [was, is] = [await before.raw(code), await after.raw(code)];
    expect(Buffer.isBuffer(was)).toBe(true);
    expect(Buffer.isBuffer(is)).toBe(true);
    expect(is.equals(was)).toBe(true);
    const [wasFile, isFile] = [await before.file('process.stdout.write(process.argv[1])', 'arg'), await after.file('process.stdout.write(process.argv[1])', 'arg')];
    expect(Buffer.isBuffer(isFile)).toBe(true);
    expect(isFile.equals(wasFile)).toBe(true);
  });

  it('returns a string where an encoding was given', async () => {
    const code = 'console.log("done")';
    expect(await after.text(code)).toBe('done\n');
    expect(await after.text(code)).toBe(await before.text(code));
  });

  it('echoes the child’s stderr as the sync form does, and not when the options pipe it', async () => {
    const code = 'process.stderr.write("warning: careful\\n"); process.stdout.write("ok")';
    const was = await withStderr(() => before.text(code));
    const is = await withStderr(() => after.text(code));
    expect(is.result).toBe('ok');
    expect(is.stderr).toBe('warning: careful\n');
    expect(is.stderr).toBe(was.stderr);
    const quietWas = await withStderr(() => before.quiet(code));
    const quietIs = await withStderr(() => after.quiet(code));
    expect(quietIs.stderr).toBe('');
    expect(quietIs.stderr).toBe(quietWas.stderr);
  });

  it('still throws when the command fails, with its output and the same message', async () => {
    const code = 'process.stdout.write("partial"); process.stderr.write("boom\\n"); process.exit(3)';
    const was = await withStderr(() => before.raw(code));
    const is = await withStderr(() => after.raw(code));
    expect(is.error).toBeInstanceOf(Error);
    const [wasError, isError] = [was.error as Error & { stdout: Buffer; stderr: Buffer }, is.error as Error & { stdout: Buffer; stderr: Buffer }];
    expect(isError.message).toBe(wasError.message);
    expect(Buffer.isBuffer(isError.stdout)).toBe(true);
    expect(isError.stdout.equals(wasError.stdout)).toBe(true);
    expect(isError.stderr.equals(wasError.stderr)).toBe(true);
    // The failing child's stderr was echoed by both.
    expect(is.stderr).toBe(was.stderr);
    expect(is.stderr).toBe('boom\n');
  });

  it('closes the child’s stdin as the sync form does, so a child that reads it ends', async () => {
    const code = 'let n = 0; process.stdin.on("data", (d) => (n += d.length)).on("end", () => console.log("read", n))';
    expect(await before.text(code)).toBe('read 0\n');
    expect(await after.text(code)).toBe('read 0\n');
  });
});
