import { chmodSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { runFix } from '../../cli/fix/run.js';
import { main } from '../../cli/main.js';
import { pace, terminalProgress } from '../../cli/progress.js';
import type { Codemod } from '../../codemods/engine/types.js';
import { FIXTURES, listFiles, makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
function project(files?: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const bytes = (root: string, file: string) => readFileSync(path.join(root, file));

interface JsonReport {
  version: number;
  dry: boolean;
  codemods: string[];
  shard: { index: number; count: number } | null;
  summary: { filesChecked: number; filesChanged: number; sitesFixed: number; sitesLeft: number; fixedByFamily: Record<string, number>; errors: number };
  files: Array<{ file: string; changed: boolean; fixed: Array<Record<string, unknown>>; left: Array<Record<string, unknown>>; diff?: string }>;
  errors: Array<{ file: string; kind: string; message: string; line?: number; column?: number }>;
  missing: string[];
  skipped: string[];
  leftoverTemps: string[];
}

describe('unblock fix', () => {
  it('rewrites the fixable files, keeping CRLF and BOM, and leaves an unparsable file byte for byte', async () => {
    const root = project();
    const { code, stdout, stderr } = await run(['fix'], root);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(read(root, 'src/read.mjs')).toBe("import { readFile } from 'node:fs/promises';\n\nexport async function load() {\n  return await readFile('config.json', 'utf8');\n}\n");
    expect(read(root, 'src/crlf.mjs')).toBe("import { readFile } from 'node:fs/promises';\r\n\r\nexport async function load() {\r\n  return await readFile('a.txt', 'utf8');\r\n}\r\n");
    expect([...bytes(root, 'src/bom.mjs').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(read(root, 'src/bom.mjs')).toBe("\uFEFFimport { readFile } from 'node:fs/promises';\n\nexport async function load() {\n  return await readFile('b.txt', 'utf8');\n}\n");
    expect(bytes(root, 'src/broken.js').equals(Buffer.from(FIXTURES['src/broken.js']!))).toBe(true);
    expect(read(root, 'src/left.mjs')).toBe(FIXTURES['src/left.mjs']);
    expect(read(root, 'src/clean.mjs')).toBe(FIXTURES['src/clean.mjs']);

    expect(stderr).toMatch(/unblock: could not parse src\/broken\.js:2:\d+: .+ \(left as it was\)/);
    expect(stderr).toContain('src/left.mjs:4:10  fs.readFileSync  it is called with a numeric file descriptor');
    expect(stderr).toContain('unblock: 3 files changed; 3 sites fixed (fs 3); 1 site left; 1 file could not be fixed');
  });

  it('removes the temporary files a killed run left beside its files, and nothing else', async () => {
    const leftovers = {
      // Beside a file of this run: a run killed (SIGKILL) while writing src/read.mjs left it.
      'src/.read.mjs.0123456789ab.unblock-tmp': "import { readFile } from 'node:fs/pro",
      // Beside a file that no longer exists, not ours by name, and beside a file outside the run.
      'src/.gone.mjs.0123456789ab.unblock-tmp': 'partial',
      'src/.notes.unblock-tmp': 'a user file that only ends like ours',
      'other/.clean.mjs.0123456789ab.unblock-tmp': 'partial',
    };
    const root = project({ 'src/read.mjs': FIXTURES['src/read.mjs']!, 'other/clean.mjs': FIXTURES['src/clean.mjs']!, ...leftovers });

    const dry = await run(['fix', '--dry', 'src'], root);
    expect(dry.stderr).toContain('unblock: would remove 1 temporary file that an interrupted run left (each held an unfinished rewrite; the file beside it is whole): src/.read.mjs.0123456789ab.unblock-tmp');
    expect(listFiles(root)).toContain('src/.read.mjs.0123456789ab.unblock-tmp');

    const { code, stdout, stderr } = await run(['fix', '--json', '-', 'src'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('unblock: removed 1 temporary file that an interrupted run left');
    expect((JSON.parse(stdout) as JsonReport).leftoverTemps).toEqual(['src/.read.mjs.0123456789ab.unblock-tmp']);
    expect(listFiles(root)).toEqual(['other/.clean.mjs.0123456789ab.unblock-tmp', 'other/clean.mjs', 'src/.gone.mjs.0123456789ab.unblock-tmp', 'src/.notes.unblock-tmp', 'src/read.mjs']);
    expect(read(root, 'src/read.mjs')).toContain('await readFile(');
    // Said once, by the run that removed it.
    expect((await run(['fix', 'src'], root)).stderr).not.toContain('temporary file');
  });

  it('exits 0 when every file parses, even with sites left', async () => {
    const root = project({ 'left.mjs': FIXTURES['src/left.mjs']!, 'read.mjs': FIXTURES['src/read.mjs']! });
    const { code } = await run(['fix'], root);
    expect(code).toBe(0);
  });

  it('changes nothing on a second run', async () => {
    const root = project();
    await run(['fix'], root);
    const after = Object.fromEntries(listFiles(root).map((file) => [file, read(root, file)]));
    const again = await run(['fix', '--json'], root);
    expect(Object.fromEntries(listFiles(root).map((file) => [file, read(root, file)]))).toEqual(after);
    const report = JSON.parse(again.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ filesChanged: 0, sitesFixed: 0, sitesLeft: 1 });
  });

  it('with --dry, prints a diff and writes nothing', async () => {
    const root = project();
    const { code, stdout, stderr } = await run(['fix', '--dry', 'src'], root);
    expect(code).toBe(1);
    for (const [file, text] of Object.entries(FIXTURES)) expect(read(root, file)).toBe(text);
    expect(stdout).toContain('--- a/src/read.mjs\n+++ b/src/read.mjs\n');
    expect(stdout).toContain("-import fs from 'node:fs';\n+import { readFile } from 'node:fs/promises';\n");
    expect(stdout).toContain("-  return fs.readFileSync('config.json', 'utf8');\n+  return await readFile('config.json', 'utf8');\n");
    expect(stdout).not.toContain('left.mjs');
    expect(stderr).toContain('3 files would change (--dry: nothing written)');
    // Before the rewrite the left site is where it was.
    expect(stderr).toContain('src/left.mjs:4:10');
  });

  it('reports where a site is left in the rewritten file, not the original', async () => {
    const root = project({
      'both.mjs': "import fs from 'node:fs';\n\nexport async function load() {\n  const a = fs.readFileSync(0, 'utf8');\n  return a + fs.readFileSync('b');\n}\n",
    });
    const { stdout } = await run(['fix', '--json'], root);
    const report = JSON.parse(stdout) as JsonReport;
    // One import line was added above the call.
    expect(report.files[0]!.left).toEqual([expect.objectContaining({ api: 'fs.readFileSync', line: 5, column: 13 })]);
    expect(read(root, 'both.mjs').split('\n')[4]).toMatch(/^ {2}const a = fs\.readFileSync\(0/);
  });

  it('runs the codemods in registry order, each on the output of the one before', async () => {
    const root = project({
      'retry.mjs':
        "import fs from 'node:fs';\n\nexport async function retry() {\n  const until = Date.now() + 100;\n  while (Date.now() < until) {}\n  return fs.readFileSync('a');\n}\n",
    });
    const { code, stdout } = await run(['fix', '--json'], root);
    expect(code).toBe(0);
    const text = read(root, 'retry.mjs');
    expect(text).toContain("import { readFile } from 'node:fs/promises';");
    expect(text).toContain("import { setTimeout } from 'node:timers/promises';");
    expect(text).toContain('await setTimeout(');
    expect(text).toContain("return await readFile('a');");
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files[0]!.fixed.map((site) => site['codemod'])).toEqual(['async-api', 'busy-wait']);
  });

  it('runs only the codemods named with --codemod', async () => {
    const root = project({ 'retry.mjs': "import fs from 'node:fs';\nexport async function r() {\n  const until = Date.now() + 9;\n  while (Date.now() < until) {}\n  return fs.readFileSync('a');\n}\n" });
    const { code } = await run(['fix', '--codemod', 'busy-wait'], root);
    expect(code).toBe(0);
    expect(read(root, 'retry.mjs')).toContain('await setTimeout(');
    expect(read(root, 'retry.mjs')).toContain("fs.readFileSync('a')");
  });

  it('takes --codemod repeated and comma-separated', async () => {
    const root = project({ 'a.mjs': FIXTURES['src/read.mjs']! });
    const { code, stdout } = await run(['fix', '--codemod', 'busy-wait,async-api', '--codemod', 'busy-wait', '--json', '-'], root);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).codemods).toEqual(['async-api', 'busy-wait']);
  });

  it('rejects an unknown codemod, naming the option and the valid names', async () => {
    const root = project();
    const { code, stderr } = await run(['fix', '--codemod', 'async-api,nope'], root);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--codemod <names>' argument 'async-api,nope' is invalid");
    expect(stderr).toContain('unknown codemod "nope"; the codemods are: async-api, busy-wait');
    expect(read(root, 'src/read.mjs')).toBe(FIXTURES['src/read.mjs']);
  });

  it('names a missing path, still fixes the others, and exits 2', async () => {
    const root = project();
    const { code, stderr } = await run(['fix', 'nope', 'src/read.mjs'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: path not found: nope');
    expect(read(root, 'src/read.mjs')).toContain('await readFile');
  });

  it('says so when there is nothing to fix, and exits 2 as scan does', async () => {
    const root = project({ 'notes.txt': 'hello' });
    const { code, stderr } = await run(['fix'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('no JavaScript or TypeScript files to fix');
  });

  it('writes a JSON report to a file with the changed files, fixed and left sites and parse errors', async () => {
    const root = project();
    const { code, stdout } = await run(['fix', '--json', 'report.json'], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const report = JSON.parse(read(root, 'report.json')) as JsonReport;
    expect(report).toMatchObject({
      version: 1,
      dry: false,
      codemods: ['async-api', 'busy-wait', 'sync-callers'],
      shard: null,
      summary: { filesChecked: 6, filesChanged: 3, sitesFixed: 3, sitesLeft: 1, fixedByFamily: { fs: 3 }, errors: 1 },
      missing: [],
      skipped: [],
    });
    expect(report.files.filter((file) => file.changed).map((file) => file.file)).toEqual(['src/bom.mjs', 'src/crlf.mjs', 'src/read.mjs']);
    expect(report.files.find((file) => file.file === 'src/read.mjs')!.fixed).toEqual([
      { codemod: 'async-api', api: 'fs.readFileSync', family: 'fs', line: 4, column: 10 },
    ]);
    expect(report.files.find((file) => file.file === 'src/left.mjs')!.left).toEqual([
      expect.objectContaining({ api: 'fs.readFileSync', family: 'fs', line: 4, column: 10, reason: expect.stringContaining('numeric file descriptor') as string }),
    ]);
    expect(report.errors).toEqual([{ file: 'src/broken.js', kind: 'parse', message: expect.any(String) as string, line: 2, column: expect.any(Number) as number }]);
  });

  it('puts the diffs inside the JSON when both go to stdout', async () => {
    const root = project({ 'a.mjs': FIXTURES['src/read.mjs']! });
    const { stdout } = await run(['fix', '--dry', '--json'], root);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.dry).toBe(true);
    expect(report.files[0]!.diff).toContain('+++ b/a.mjs');
    expect(read(root, 'a.mjs')).toBe(FIXTURES['src/read.mjs']);
  });

  it('refuses to take a directory or a source file as the --json file', async () => {
    const root = project();
    const { code, stderr } = await run(['fix', '--json', 'src'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('--json src: that is a directory');
    expect(read(root, 'src/read.mjs')).toBe(FIXTURES['src/read.mjs']);
  });

  it('writes atomically: no temp files left, mode kept', async () => {
    const root = project();
    chmodSync(path.join(root, 'src/read.mjs'), 0o750);
    const before = listFiles(root);
    await run(['fix'], root);
    expect(listFiles(root)).toEqual(before);
    if (process.platform !== 'win32') expect(statSync(path.join(root, 'src/read.mjs')).mode & 0o777).toBe(0o750);
  });
});

describe('progress', () => {
  it('ticks once per file through the injected factory and stops', async () => {
    const root = project();
    const ticks: string[] = [];
    let total = 0;
    let stopped = false;
    await main(['fix', '--dry'], {
      cwd: root,
      stdout: () => undefined,
      stderr: () => undefined,
      progress: (count) => {
        total = count;
        return { tick: (file) => ticks.push(file), stop: () => (stopped = true) };
      },
    });
    expect(total).toBe(6);
    expect(ticks.sort()).toEqual(Object.keys(FIXTURES).sort());
    expect(stopped).toBe(true);
  });

  it('draws no bar off a terminal, or for 20 files or fewer', () => {
    expect(terminalProgress({ isTTY: false } as NodeJS.WriteStream)(500)).toBeUndefined();
    expect(terminalProgress({ isTTY: true } as NodeJS.WriteStream)(20)).toBeUndefined();
  });

  it('shows the files per second and the files left on a run over 1,000 files', () => {
    let written = '';
    const stream = { isTTY: true, columns: 200, write: (text: string) => ((written += text), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true };
    // A clock that moves 10 ms a file: 100 files per second.
    let clock = 0;
    const progress = terminalProgress(stream as unknown as NodeJS.WriteStream, () => clock)(1500);
    for (let file = 0; file < 3; file++) {
      clock += 10;
      progress?.tick(`f${file}.js`);
    }
    // The bar draws on start and at most every 100 ms after; stopping draws the last state.
    progress?.stop();
    expect(written).toMatch(/3\/1500, 100 files\/s, 1497 left/);
  });

  it('works out the pace from the files done and the time taken', () => {
    expect(pace(0, 2000, 0)).toEqual({ rate: '0.0', left: 2000 });
    expect(pace(300, 2000, 2000)).toEqual({ rate: '150', left: 1700 });
    expect(pace(3, 2000, 2000)).toEqual({ rate: '1.5', left: 1997 });
  });
});

describe('files the command must not write', () => {
  it('leaves a file that is not valid UTF-8, and exits 1', async () => {
    const root = project({});
    const latin1 = Buffer.concat([Buffer.from("// caf"), Buffer.from([0xe9]), Buffer.from(`\n${FIXTURES['src/read.mjs']}`)]);
    writeFileSync(path.join(root, 'latin1.mjs'), latin1);
    const { code, stderr } = await run(['fix'], root);
    expect(code).toBe(1);
    expect(stderr).toContain('could not read latin1.mjs: the file is not valid UTF-8');
    // Nothing reached the disk, so nothing counts as fixed, with --dry or without.
    expect(stderr).toContain('unblock: 0 files changed; 0 sites fixed; 0 sites left; 1 file could not be fixed');
    for (const dry of [[], ['--dry']]) {
      const report = JSON.parse((await run(['fix', ...dry, '--json', '-'], root)).stdout) as JsonReport;
      expect(report.summary).toMatchObject({ filesChanged: 0, sitesFixed: 0, fixedByFamily: {}, errors: 1 });
      expect(report.files.map((file) => [file.file, file.changed, file.fixed])).toEqual([['latin1.mjs', false, []]]);
    }
    expect(bytes(root, 'latin1.mjs').equals(latin1)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('leaves a hard-linked file with the reason, rather than split the link, and counts nothing fixed', async () => {
    const root = project({ 'src/read.mjs': FIXTURES['src/read.mjs']!, 'elsewhere/read-link.mjs': '' });
    rmSync(path.join(root, 'elsewhere/read-link.mjs'));
    linkSync(path.join(root, 'src/read.mjs'), path.join(root, 'elsewhere/read-link.mjs'));
    for (const dry of [['--dry'], []]) {
      const { code, stdout, stderr } = await run(['fix', ...dry, '--json', '-', 'src'], root);
      expect(code).toBe(1);
      expect(stderr).toContain('unblock: could not write src/read.mjs: it has 2 hard links, and replacing it would leave the other name with the old text; it was left as it was');
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.summary).toMatchObject({ filesChanged: 0, sitesFixed: 0, errors: 1 });
      expect(report.errors).toEqual([{ file: 'src/read.mjs', kind: 'write', message: expect.stringContaining('2 hard links') as string }]);
    }
    expect(statSync(path.join(root, 'src/read.mjs')).nlink).toBe(2);
    expect(read(root, 'src/read.mjs')).toBe(FIXTURES['src/read.mjs']);
    expect(read(root, 'elsewhere/read-link.mjs')).toBe(FIXTURES['src/read.mjs']);
  });

  it('leaves a file that changed on disk while it was being fixed', async () => {
    const root = project({ 'a.mjs': FIXTURES['src/read.mjs']! });
    const file = path.join(root, 'a.mjs');
    // A codemod that stands in for an editor saving the file mid-run.
    const meddler: Codemod = {
      name: 'meddler',
      description: '',
      transform: (source) => {
        writeFileSync(file, '// saved by an editor\n');
        return { output: `${source}// rewritten\n`, fixed: [{ line: 4, column: 10, api: 'fs.readFileSync', family: 'fs' }], left: [] };
      },
    };
    const outcome = await runFix({ paths: ['.'], cwd: root, codemods: [meddler], dry: false, force: true });
    expect(outcome.kind === 'done' && outcome.report.files[0]?.failures).toEqual([{ kind: 'write', message: expect.stringContaining('changed on disk') as string }]);
    // The site the codemod fixed never reached the disk.
    expect(outcome.kind === 'done' && outcome.report.files[0]?.fixed).toEqual([]);
    expect(read(root, 'a.mjs')).toBe('// saved by an editor\n');
  });
});
