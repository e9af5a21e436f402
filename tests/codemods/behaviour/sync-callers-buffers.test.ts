// The worker-buffer case of tests/codemods/sync-callers, run: helpers that return Buffers (at the
// top level, inside an object and a Map) and that start-up code also calls stay sync, and their
// async callers (Express 5 handlers, an async function) call them through
// @unblock/runtime's workerModule. The program must print the same before and after the fix: the
// handler's response, the start-up values and what the async function reads from the Buffers.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FileResult } from '../../../codemods/engine/types.js';
import { transformProgram } from '../../../codemods/sync-callers/transform.js';
import { repoRoot } from '../../helpers/lint.js';

const fixture = path.join(repoRoot, 'tests', 'codemods', 'sync-callers', 'worker-buffer', 'input');
const root = mkdtempSync(path.join(tmpdir(), 'unblock-worker-buffer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const before = path.join(root, 'before');
const after = path.join(root, 'after');

function scriptsUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? scriptsUnder(full) : /\.js$/.test(name) ? [full] : [];
  });
}

let results: Map<string, FileResult>;

beforeAll(() => {
  for (const directory of [before, after]) {
    cpSync(fixture, directory, { recursive: true });
    // express and @unblock/runtime, as an installed project would have them.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  }
  ({ results } = transformProgram({ files: scriptsUnder(after), root: after }));
  for (const [file, result] of results) if (result.output !== undefined) writeFileSync(file, result.output);
});

const run = (directory: string): string => execFileSync(process.execPath, ['main.js'], { cwd: directory, encoding: 'utf8', timeout: 20_000 });

describe('Buffer-returning helpers sent to a worker', () => {
  it('go to the worker route, with nothing left', () => {
    const fixed = [...results].flatMap(([file, result]) => result.fixed.map((site) => `${path.relative(after, file)} ${site.api}`));
    expect(fixed.sort()).toEqual(['routes.js gzipNamed', 'routes.js hashPassword', 'service.js archive']);
    expect([...results.values()].flatMap((result) => result.left)).toEqual([]);
  });

  it('print the same before and after', () => {
    const expected = run(before);
    const parsed = JSON.parse(expected) as { status: number; created: { hash: string }; report: string; exported: { buffers: boolean; alpha: string } };
    // What the run must show for the comparison to mean something: a hash, and Buffers read as Buffers.
    expect(parsed.status).toBe(201);
    expect(parsed.created.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.report).toBe('report weekly'); // gzipped bytes sent as a Buffer, not as JSON
    expect(parsed.exported.buffers).toBe(true);
    expect(parsed.exported.alpha).toBe(Buffer.from('alpha one').toString('hex'));
    expect(run(after)).toBe(expected);
  });
});
