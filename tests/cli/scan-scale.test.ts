// `unblock scan` at scale: shards whose union is the unsharded run, SARIF logs merged into one,
// a cache that is never stale across modules, and several threads that find what one finds.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { threadCount } from '../../cli/scan/concurrency.js';
import { nextRunLength } from '../../cli/scan/lint-threads.js';
import { scan } from '../../cli/scan/scan.js';

import { repoRoot } from '../helpers/lint.js';
import { makeProject, run } from './fix-helpers.js';

/** A service of 40 modules: routes that call services that call helpers, some of which block. */
function service(): Record<string, string> {
  const files: Record<string, string> = { 'package.json': '{ "name": "scale-fixture", "type": "module" }\n' };
  for (let index = 0; index < 10; index++) {
    const blocks = index % 3 === 0;
    files[`src/lib/helper${index}.js`] = blocks
      ? `import fs from 'node:fs';\nexport function read${index}(name) {\n  return fs.readFileSync(name, 'utf8');\n}\n`
      : `export function read${index}(name) {\n  return name.toUpperCase();\n}\n`;
    files[`src/services/service${index}.js`] = `import { read${index} } from '../lib/helper${index}.js';\nexport function load${index}(name) {\n  return read${index}(name);\n}\n`;
    files[`src/routes/route${index}.js`] = [
      "import { Router } from 'express';",
      "import { execSync } from 'node:child_process';",
      `import { load${index} } from '../services/service${index}.js';`,
      'export const router = Router();',
      `router.get('/r${index}', async (req, res) => {`,
      `  res.send(load${index}(req.query.name));`,
      '});',
      index % 4 === 0 ? `router.get('/x${index}', (req, res) => res.send(execSync('uptime').toString()));` : '',
      '',
    ].join('\n');
    files[`src/models/model${index}.js`] = `export class Model${index} {\n  constructor(data) {\n    this.data = data;\n  }\n}\n`;
  }
  return files;
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string | null;
  readonly message: string;
}

/** The findings of `unblock scan --format json` output, in a stable order. */
function findingsOf(stdout: string, root: string): Finding[] {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; ruleId: string | null; message: string }> }>;
  return results
    .flatMap((result) => result.messages.map((message) => ({ file: path.relative(root, result.filePath), line: message.line, column: message.column, rule: message.ruleId, message: message.message })))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function project(): string {
  const root = makeProject(service());
  roots.push(root);
  return root;
}

describe('unblock scan --shard', () => {
  it('splits the files into shards whose findings, together, are the unsharded run\'s, finding for finding', async () => {
    const root = project();
    const whole = await run(['scan', '--no-typed', '--format', 'json'], root);
    expect(whole.code).toBe(1);
    const expected = findingsOf(whole.stdout, root);
    // Blocking through a helper of another module is among them: shards still follow helpers.
    expect(expected.some((finding) => finding.file === 'src/routes/route0.js' && finding.rule === 'unblock/no-transitive-blocking')).toBe(true);

    const union: Finding[] = [];
    let scanned = 0;
    for (let index = 1; index <= 4; index++) {
      const shard = await run(['scan', '--no-typed', '--format', 'json', '--shard', `${index}/4`], root);
      expect([0, 1], shard.stderr).toContain(shard.code);
      expect(shard.stderr).toContain(`(shard ${index}/4`);
      scanned += Number(/scanned (\d+) file/.exec(shard.stderr)?.[1] ?? 0);
      union.push(...findingsOf(shard.stdout, root));
    }
    expect(scanned).toBe(40);
    expect(union.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)).toEqual(expected);
  });

  it('merges the shards\' SARIF logs into the log of one unsharded run', async () => {
    const root = project();
    const whole = JSON.parse((await run(['scan', '--no-typed', '--format', 'sarif'], root)).stdout) as { runs: Array<{ results: unknown[] }> };
    const names: string[] = [];
    for (let index = 1; index <= 4; index++) {
      const name = `shard-${index}.sarif`;
      writeFileSync(path.join(root, name), (await run(['scan', '--no-typed', '--format', 'sarif', '--shard', `${index}/4`], root)).stdout);
      names.push(name);
    }
    const merged = await run(['merge-sarif', ...names], root);
    expect(merged.code, merged.stderr).toBe(0);
    const log = JSON.parse(merged.stdout) as { runs: Array<{ results: unknown[]; invocations: Array<{ exitCode: number }> }> };
    expect(log.runs).toHaveLength(1);
    const sorted = (results: unknown[]): string[] => results.map((result) => JSON.stringify(result)).sort();
    expect(sorted(log.runs[0]!.results)).toEqual(sorted(whole.runs[0]!.results));
    expect(log.runs[0]!.invocations).toEqual([expect.objectContaining({ exitCode: 1 })]);
    // The same log twice does not double its alerts.
    const twice = JSON.parse((await run(['merge-sarif', names[0]!, names[0]!], root)).stdout) as typeof log;
    const once = JSON.parse(readFileSync(path.join(root, names[0]!), 'utf8')) as typeof log;
    expect(twice.runs[0]!.results).toEqual(once.runs[0]!.results);
  });

  it('says what is wrong with a file that is not an unblock SARIF log', async () => {
    const root = project();
    writeFileSync(path.join(root, 'other.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] }));
    writeFileSync(path.join(root, 'broken.sarif'), '{');
    for (const [file, message] of [
      ['other.sarif', 'other.sarif is not a log of `unblock scan --format sarif`'],
      ['broken.sarif', 'broken.sarif is not JSON'],
      ['missing.sarif', 'cannot read missing.sarif'],
    ] as const) {
      const result = await run(['merge-sarif', file], root);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it.each([
    [['--shard', '5/4'], '--shard 5/4: the shard must be between 1 and 4'],
    [['--shard', '1/2', '--write-baseline', 'b.json'], '--write-baseline records every blocking call of the run'],
    [['--concurrency', '0'], '--concurrency takes auto, off or a number of threads of at least 1 (got "0")'],
    [['--cache-location', 'x'], '--cache-location names where --cache keeps its file: give --cache too'],
  ])('refuses %j with a message that names the option', async (flags, message) => {
    const root = project();
    const result = await run(['scan', '--no-typed', ...flags], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('unblock scan --cache', () => {
  it('reuses findings while nothing changed, and never once an imported helper changed', async () => {
    const root = project();
    const cache = ['--cache', '--cache-location', 'cache/'];
    const first = await run(['scan', '--no-typed', '--format', 'json', ...cache], root);
    expect(existsSync(path.join(root, 'cache', '.unblockcache'))).toBe(true);
    const second = await run(['scan', '--no-typed', '--format', 'json', ...cache], root);
    expect(second.stderr).toContain('(40 from the cache)');
    expect(findingsOf(second.stdout, root)).toEqual(findingsOf(first.stdout, root));
    const route1 = (stdout: string): Finding[] => findingsOf(stdout, root).filter((finding) => finding.file === 'src/routes/route1.js');
    expect(route1(second.stdout)).toEqual([]);

    // route1.js is untouched; the helper two modules away starts to block. Its importers must see it.
    writeFileSync(path.join(root, 'src/lib/helper1.js'), "import fs from 'node:fs';\nexport function read1(name) {\n  return fs.readFileSync(name, 'utf8');\n}\n");
    const third = await run(['scan', '--no-typed', '--format', 'json', ...cache], root);
    expect(route1(third.stdout)).toEqual([expect.objectContaining({ rule: 'unblock/no-transitive-blocking', line: 6 })]);
    // helper1, service1 and route1 were linted again; the other 37 files came from the cache.
    expect(third.stderr).toContain('(37 from the cache)');
    // Each run's findings are those of a run without the cache.
    const fresh = await run(['scan', '--no-typed', '--format', 'json'], root);
    expect(findingsOf(third.stdout, root)).toEqual(findingsOf(fresh.stdout, root));

    // And back: the helper stops blocking, and the finding goes.
    writeFileSync(path.join(root, 'src/lib/helper1.js'), 'export function read1(name) {\n  return name;\n}\n');
    expect(route1((await run(['scan', '--no-typed', '--format', 'json', ...cache], root)).stdout)).toEqual([]);
  });

  it('does not reuse what a scan with other settings recorded', async () => {
    const root = project();
    await run(['scan', '--no-typed', '--cache'], root);
    writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "allowJs": true } }\n');
    const typed = await run(['scan', '--typed', '--cache'], root);
    expect(typed.stderr).not.toContain('from the cache');
  });

  it('lints a file again when the package.json above it changes', async () => {
    const root = project();
    await run(['scan', '--no-typed', '--cache'], root);
    writeFileSync(path.join(root, 'package.json'), '{ "name": "scale-fixture", "type": "module", "imports": { "#lib/*": "./src/lib/*" } }\n');
    const after = await run(['scan', '--no-typed', '--cache'], root);
    expect(after.stderr).not.toContain('from the cache');
  });
});

describe('unblock scan --concurrency (the built CLI: its threads load the built script)', () => {
  const bin = path.join(repoRoot, 'dist', 'cli', 'bin.js');

  it('finds on two threads exactly what it finds on one', async () => {
    const root = project();
    const scan = (concurrency: string) =>
      promisify(execFile)(process.execPath, [bin, 'scan', '--no-typed', '--format', 'json', '--concurrency', concurrency], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
    const one = await scan('off');
    const two = await scan('2');
    expect(two.stderr).toContain('(2 threads)');
    expect(one.stderr).not.toContain('threads');
    expect(findingsOf(two.stdout, root)).toEqual(findingsOf(one.stdout, root));
    expect(findingsOf(one.stdout, root).length).toBeGreaterThan(0);
  });
});

describe('unblock scan progress', () => {
  it('counts every file it lints, on one thread', async () => {
    const root = project();
    const ticked: string[] = [];
    let stops = 0;
    const report = await scan({ paths: ['.'], cwd: root, typed: false, progress: () => ({ tick: (file) => ticked.push(file), stop: () => stops++ }) });
    expect(report.filesScanned).toBe(40);
    expect(new Set(ticked).size).toBe(40);
    expect(stops).toBe(1);
  });

  it('hands out runs of neighbours that shrink as the list empties, and uses every core with auto', () => {
    // 10,000 files on 2 threads: a quarter first, then a quarter of what is left, down to 20 at the end.
    const lengths: number[] = [];
    for (let remaining = 10_000; remaining > 0; remaining -= lengths.at(-1)!) lengths.push(nextRunLength(remaining, 2));
    expect(lengths.slice(0, 3)).toEqual([2500, 1875, 1407]);
    expect(lengths.reduce((sum, length) => sum + length, 0)).toBe(10_000);
    expect(lengths.slice(0, -1).every((length) => length >= 20)).toBe(true);
    expect(lengths.at(-1)).toBeLessThanOrEqual(20);
    expect(lengths.every((length, index) => index === 0 || length <= lengths[index - 1]!)).toBe(true);
    expect(nextRunLength(7, 4)).toBe(7);
    expect(threadCount('auto', 2000, 2)).toBe(2);
    expect(threadCount('auto', 40, 8)).toBe(1);
    expect(threadCount(3, 2, 8)).toBe(2);
    expect(threadCount('off', 2000, 8)).toBe(1);
  });
});
