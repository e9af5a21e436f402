// Runs a module of fs code before and after the async-api codemod, on the same
// files: every function answers the same, errors included.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { asyncApi } from '../../../codemods/async-api/transform.js';

const SOURCE = `import fs from 'node:fs';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';

export async function describeFile(file) {
  if (!existsSync(file)) return { file, missing: true };
  return { file, size: fs.statSync(file).size, text: readFileSync(file, 'utf8') };
}

export async function readConfig(file) {
  return JSON.parse(readFileSync(file));
}

export async function sizes(directory) {
  const names = readdirSync(directory).sort();
  return names.map((name) => statSync(\`\${directory}/\${name}\`).size);
}

export async function copyAll(directory, target) {
  const copied = [];
  readdirSync(directory).sort().forEach((name) => {
    if (name.startsWith('.')) return;
    writeFileSync(\`\${target}/\${name}\`, readFileSync(\`\${directory}/\${name}\`));
    copied.push(name);
  });
  return copied;
}

export async function remove(file) {
  unlinkSync(file);
  return existsSync(file);
}
`;

interface FsModule {
  describeFile(file: string): Promise<unknown>;
  readConfig(file: string): Promise<unknown>;
  sizes(directory: string): Promise<number[]>;
  copyAll(directory: string, target: string): Promise<string[]>;
  remove(file: string): Promise<boolean>;
}

const root = mkdtempSync(path.join(tmpdir(), 'unblock-async-api-fs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let before: FsModule;
let after: FsModule;
let output = '';

beforeAll(async () => {
  const result = asyncApi.transform(SOURCE, { filePath: path.join(root, 'files.mjs') });
  expect(result.error).toBeUndefined();
  expect(result.left).toEqual([]);
  output = result.output!;
  writeFileSync(path.join(root, 'before.mjs'), SOURCE);
  writeFileSync(path.join(root, 'after.mjs'), output);
  before = (await import(pathToFileURL(path.join(root, 'before.mjs')).href)) as FsModule;
  after = (await import(pathToFileURL(path.join(root, 'after.mjs')).href)) as FsModule;
});

/** A fresh directory of files for one run. */
function tree(name: string): string {
  const directory = path.join(root, name);
  mkdirSync(path.join(directory, 'in'), { recursive: true });
  mkdirSync(path.join(directory, 'out'), { recursive: true });
  writeFileSync(path.join(directory, 'in', 'a.txt'), 'alpha');
  writeFileSync(path.join(directory, 'in', 'b.txt'), 'beta beta');
  writeFileSync(path.join(directory, 'in', '.hidden'), 'skip me');
  writeFileSync(path.join(directory, 'config.json'), JSON.stringify({ port: 8080, tags: ['x'] }));
  return directory;
}

/** What a call settles to: its value, or the error's class and code. */
async function settle(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await call() };
  } catch (error) {
    const { name, code } = error as { name: string; code?: string };
    return { error: name, code };
  }
}

describe('async-api codemod on fs code, run', () => {
  it('rewrites every call to node:fs/promises', () => {
    expect(output).toContain("from 'node:fs/promises'");
    expect(output).not.toMatch(/\b\w+Sync\(/);
    expect(output).toContain('(await stat(file)).size');
    expect(output).toContain('JSON.parse(await readFile(file))');
    expect(output).toContain('await Promise.all(names.map(async (name) =>');
    expect(output).toContain('for (const name of (await readdir(directory)).sort())');
  });

  it('reads, stats and checks existence as before', async () => {
    const directory = tree('read');
    for (const file of [path.join(directory, 'in', 'a.txt'), path.join(directory, 'nope.txt')]) {
      expect(await settle(() => after.describeFile(file))).toEqual(await settle(() => before.describeFile(file)));
    }
    expect(await settle(() => after.readConfig(path.join(directory, 'config.json')))).toEqual(await settle(() => before.readConfig(path.join(directory, 'config.json'))));
    expect(await settle(() => after.sizes(path.join(directory, 'in')))).toEqual(await settle(() => before.sizes(path.join(directory, 'in'))));
  });

  it('fails the same way on a missing file or directory', async () => {
    const missing = path.join(root, 'missing');
    expect(await settle(() => after.readConfig(missing))).toEqual(await settle(() => before.readConfig(missing)));
    expect(await settle(() => after.sizes(missing))).toEqual({ error: 'Error', code: 'ENOENT' });
    expect(await settle(() => after.sizes(missing))).toEqual(await settle(() => before.sizes(missing)));
    expect(await settle(() => after.remove(missing))).toEqual(await settle(() => before.remove(missing)));
  });

  it('copies, skipping what the forEach callback returned early for, in the same order', async () => {
    const first = tree('copy-before');
    const second = tree('copy-after');
    const copiedBefore = await before.copyAll(path.join(first, 'in'), path.join(first, 'out'));
    const copiedAfter = await after.copyAll(path.join(second, 'in'), path.join(second, 'out'));
    expect(copiedAfter).toEqual(copiedBefore);
    expect(copiedAfter).toEqual(['a.txt', 'b.txt']);
    expect(await after.sizes(path.join(second, 'out'))).toEqual(await before.sizes(path.join(first, 'out')));
  });

  it('removes a file and then sees it gone', async () => {
    const directory = tree('remove');
    expect(await after.remove(path.join(directory, 'in', 'a.txt'))).toBe(false);
  });
});

// Fixture map-after-open-line: code without semicolons, where the rewrite starts a statement with
// `(await …)`. Before the leading `;`, the rewritten module threw "0 is not a function".
describe('async-api codemod on code without semicolons, run', () => {
  it('sums the same sizes after the rewrite as before', async () => {
    const fixture = path.join(import.meta.dirname, '..', 'async-api', 'map-after-open-line', 'input.mjs');
    const source = readFileSync(fixture, 'utf8');
    const result = asyncApi.transform(source, { filePath: fixture });
    expect(result.output).toContain(';(await Promise.all(');
    const directory = tree('no-semicolons');
    writeFileSync(path.join(root, 'asi-before.mjs'), source);
    writeFileSync(path.join(root, 'asi-after.mjs'), result.output!);
    type SizeModule = { totalSize(files: string[]): Promise<number> };
    const sizeBefore = (await import(pathToFileURL(path.join(root, 'asi-before.mjs')).href)) as SizeModule;
    const sizeAfter = (await import(pathToFileURL(path.join(root, 'asi-after.mjs')).href)) as SizeModule;
    const files = ['a.txt', 'b.txt'].map((name) => path.join(directory, 'in', name));
    expect(await sizeAfter.totalSize(files)).toBe(await sizeBefore.totalSize(files));
    expect(await sizeAfter.totalSize(files)).toBe('alpha'.length + 'beta beta'.length);
  });
});
