// The pieces of `unblock trace` that need no process: reading the warnings out of
// stderr, classifying frames, folding warnings into sites, and reading the source
// at a frame.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { compare, unmatchedMisses, type ScanFinding } from '../../cli/trace/compare.js';
import { diagnose as diagnoseIn } from '../../cli/trace/diagnose.js';
import { frameKind, framePath, packageOf, parseFrameLine } from '../../cli/trace/frames.js';
import { traceNodeOptions } from '../../cli/trace/shim.js';
import { foldWarnings, WarningCollector, type TraceSite } from '../../cli/trace/sites.js';
import { SourceIndex } from '../../cli/trace/source.js';
import { TraceStderrFilter, type SyncWarning } from '../../cli/trace/stderr.js';

const dir = mkdtempSync(path.join(tmpdir(), 'unblock-trace-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const WARNING = [
  '(node:4242) WARNING: Detected use of sync API',
  '    at openSync (node:fs:573:18)',
  '    at readFileSync (node:fs:452:35)',
  '    at load (file:///srv/app/src/load.mjs:5:10)',
  '    at file:///srv/app/src/main.mjs:3:1',
  '',
  '',
].join('\n');

function filterAll(chunks: readonly string[]): { passed: string; warnings: SyncWarning[] } {
  let passed = '';
  const warnings: SyncWarning[] = [];
  const filter = new TraceStderrFilter(
    (text) => (passed += text),
    (warning) => warnings.push(warning),
  );
  for (const chunk of chunks) filter.write(chunk);
  filter.end();
  return { passed, warnings };
}

describe('TraceStderrFilter', () => {
  const stream = `before\n${WARNING}between\n${WARNING}after`;

  it('takes the warnings out and passes everything else through', () => {
    const { passed, warnings } = filterAll([stream]);
    expect(passed).toBe('before\nbetween\nafter');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toEqual({
      pid: 4242,
      frames: [
        { function: 'openSync', location: 'node:fs', line: 573, column: 18 },
        { function: 'readFileSync', location: 'node:fs', line: 452, column: 35 },
        { function: 'load', location: 'file:///srv/app/src/load.mjs', line: 5, column: 10 },
        { location: 'file:///srv/app/src/main.mjs', line: 3, column: 1 },
      ],
    });
  });

  it('gives the same result however the stream is cut', () => {
    const whole = filterAll([stream]);
    for (const size of [1, 2, 3, 7, 13, 64]) {
      const chunks = Array.from({ length: Math.ceil(stream.length / size) }, (_, index) => stream.slice(index * size, (index + 1) * size));
      expect(filterAll(chunks)).toEqual(whole);
    }
  });

  it('passes a partial line on at once unless it may start a warning', () => {
    let passed = '';
    const filter = new TraceStderrFilter(
      (text) => (passed += text),
      () => undefined,
    );
    filter.write('Password: ');
    expect(passed).toBe('Password: ');
    filter.write('ok\n(node:1');
    expect(passed).toBe('Password: ok\n');
    filter.write('2) Warning: something else\n');
    expect(passed).toBe('Password: ok\n(node:12) Warning: something else\n');
  });

  it('ends a warning at a line that is not a frame, and passes that line through', () => {
    const { passed, warnings } = filterAll(['(node:1) WARNING: Detected use of sync API\n    at statSync (node:fs:1:1)\nother process says hi\n']);
    expect(passed).toBe('other process says hi\n');
    expect(warnings).toEqual([{ pid: 1, frames: [{ function: 'statSync', location: 'node:fs', line: 1, column: 1 }] }]);
  });
});

describe('frames', () => {
  it('parses frames with and without a function name, and Windows paths', () => {
    expect(parseFrameLine('    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)')).toEqual({
      function: 'Module._extensions..js',
      location: 'node:internal/modules/cjs/loader',
      line: 1623,
      column: 10,
    });
    expect(parseFrameLine('    at C:\\srv\\app.js:4:2')).toEqual({ location: 'C:\\srv\\app.js', line: 4, column: 2 });
    expect(parseFrameLine('    at async load (/srv/a (copy)/x.js:1:2)')).toEqual({ function: 'async load', location: '/srv/a (copy)/x.js', line: 1, column: 2 });
    expect(parseFrameLine('at nothing')).toBeUndefined();
  });

  it('turns file URLs and absolute paths into paths, and nothing else', () => {
    const file = path.join(dir, 'a b.mjs');
    expect(framePath(pathToFileURL(file).href)).toBe(file);
    expect(framePath(file)).toBe(file);
    expect(framePath('node:fs')).toBeUndefined();
    expect(framePath('[eval]')).toBeUndefined();
  });

  it('tells Node, its loader, dependencies, the shim and user code apart', () => {
    const frame = (location: string) => ({ location, line: 1, column: 1 });
    expect(frameKind(frame('node:fs'))).toBe('core');
    expect(frameKind(frame('node:internal/crypto/random'))).toBe('core');
    expect(frameKind(frame('node:internal/modules/esm/module_job'))).toBe('loader');
    expect(frameKind(frame('/srv/app/node_modules/express/lib/router.js'))).toBe('dependency');
    expect(frameKind(frame('file:///srv/app/src/app.js'))).toBe('user');
    expect(frameKind(frame('/tmp/x/shim.cjs'), '/tmp/x/shim.cjs')).toBe('shim');
    expect(packageOf('/a/node_modules/x/node_modules/@scope/pkg/lib/y.js')).toBe('@scope/pkg');
    expect(packageOf('/a/node_modules/legacy-config/index.js')).toBe('legacy-config');
  });

  it('appends to NODE_OPTIONS, quoting the preload', () => {
    expect(traceNodeOptions(undefined, undefined)).toBe('--trace-sync-io');
    expect(traceNodeOptions('--max-old-space-size=64 ', '/tmp/a "b"/shim.cjs')).toBe('--max-old-space-size=64 --trace-sync-io --require "/tmp/a \\"b\\"/shim.cjs"');
  });
});

describe('SourceIndex', () => {
  const lines = [
    "import fs, { readFileSync as read } from 'node:fs';", // 1
    "import * as zlib from 'node:zlib';", // 2
    "const legacy = require('legacy').v2;", // 3
    "const { loadSync } = require('loader');", // 4
    'read("config.json");', // 5
    'export function load(file) {', // 6
    '  return fs.readFileSync(file);', // 7
    '}', // 8
    "router.get('/users/:id', (req, res) => res.send(zlib.gzipSync(read(req.path, 'utf8'))));", // 9
    "server.listen(0, () => loadSync('x'));", // 10
    'class Store { get() { return legacy.query.sync(); } }', // 11
    "process.on('SIGTERM', () => loadSync('y'));", // 12
  ];
  const file = write('app.mjs', lines.join('\n'));
  const index = new SourceIndex();
  /** The 1-based column of `needle` on a line, as V8 would print it. */
  const column = (line: number, needle: string) => lines[line - 1]!.indexOf(needle) + 1;

  it('names the enclosing function and the call V8 points at', async () => {
    expect(await index.place(file, 7, column(7, 'readFileSync'))).toEqual({
      function: 'load',
      topLevel: false,
      lifecycle: false,
      callee: { text: 'fs.readFileSync', imported: { module: 'node:fs', path: ['readFileSync'] } },
      lineText: 'return fs.readFileSync(file);',
    });
    const handler = await index.place(file, 9, column(9, 'read('));
    expect(handler).toMatchObject({ function: "callback of router.get('/users/:id')", callee: { text: 'read', imported: { module: 'node:fs', path: ['readFileSync'] } } });
    const gzip = await index.place(file, 9, column(9, 'gzipSync'));
    expect(gzip?.callee).toEqual({ text: 'zlib.gzipSync', imported: { module: 'node:zlib', path: ['gzipSync'] } });
    expect(await index.place(file, 11, column(11, 'sync()'))).toMatchObject({
      function: 'Store.get',
      callee: { text: 'legacy.query.sync', imported: { module: 'legacy', path: ['v2', 'query', 'sync'] } },
    });
  });

  it('knows top-level code and lifecycle callbacks', async () => {
    expect(await index.place(file, 5, 1)).toMatchObject({ topLevel: true, callee: { imported: { module: 'node:fs', path: ['readFileSync'] } } });
    expect(await index.place(file, 10, column(10, 'loadSync'))).toMatchObject({ topLevel: false, lifecycle: true, callee: { imported: { module: 'loader', path: ['loadSync'] } } });
    expect(await index.place(file, 12, column(12, 'loadSync'))).toMatchObject({ lifecycle: true });
  });

  it('answers undefined for a file it cannot read or a line past the end', async () => {
    expect(await index.place(path.join(dir, 'missing.js'), 1, 1)).toBeUndefined();
    expect(await index.place(file, 99, 1)).toBeUndefined();
  });
});

describe('foldWarnings', () => {
  const helper = write('helper.mjs', "import { readFileSync } from 'node:fs';\nexport function load() {\n  return readFileSync('x');\n}\n");
  const main = write('main.mjs', "import { load } from './helper.mjs';\nload();\nsetTimeout(function tick() {\n  load();\n}, 1);\n");
  const url = (file: string) => pathToFileURL(file).href;
  const internal = (name: string, line: number) => ({ function: name, location: 'node:fs', line, column: 1 });

  it('folds the warnings of one call into one site, and leaves start-up and foreign stacks out', async () => {
    const collector = new WarningCollector();
    const fromTick = [{ function: 'load', location: url(helper), line: 3, column: 10 }, { function: 'tick', location: url(main), line: 4, column: 3 }];
    // One readFileSync after start-up: open, fstat, read, close.
    for (const [name, line] of [['openSync', 573], ['tryStatSync', 397], ['readSync', 750], ['closeSync', 525]] as const) {
      collector.add({ pid: 1, frames: [internal(name, line), internal('readFileSync', 452), ...fromTick] });
    }
    // The same call from the module's top level, and from under the module loader.
    collector.add({ pid: 1, frames: [internal('openSync', 573), { function: 'load', location: url(helper), line: 3, column: 10 }, { location: url(main), line: 2, column: 1 }] });
    collector.add({ pid: 1, frames: [internal('realpathSync', 2741), { function: 'finalizeResolution', location: 'node:internal/modules/esm/resolve', line: 288, column: 18 }] });
    // Only dependencies and Node.
    collector.add({ pid: 1, frames: [internal('statSync', 1681), { function: 'send', location: '/srv/node_modules/send/index.js', line: 1, column: 1 }] });
    // console.error to a stderr that is a file.
    collector.add({ pid: 1, frames: [internal('writeSync', 922), { function: '_write', location: 'node:internal/fs/sync_write_stream', line: 27, column: 5 }, ...fromTick] });

    const folded = await foldWarnings(collector, new SourceIndex());
    expect(folded).toMatchObject({ warnings: 8, startup: 2, outsideUserCode: 1, output: 1 });
    expect(folded.sites).toHaveLength(1);
    expect(folded.sites[0]).toMatchObject({
      file: helper,
      line: 3,
      column: 10,
      function: 'load',
      api: 'readFileSync',
      warnings: 4,
      callers: [[{ file: main, line: 4, column: 3, function: 'tick', imported: { module: './helper.mjs', path: ['load'] } }]],
    });
  });
});

describe('compare and diagnose', () => {
  const site = (overrides: Partial<TraceSite>): TraceSite => ({ file: '/srv/a.js', line: 10, column: 5, api: 'x', warnings: 1, callers: [], ...overrides });
  const finding = (file: string, line: number, endLine = line): ScanFinding => ({ file, line, column: 1, endLine, ruleId: 'unblock/no-blocking-in-handler', message: 'm' });

  it('matches a finding on the line, one spread over it, or one at a caller', () => {
    const sameLine = site({ line: 10 });
    const spread = site({ line: 21 });
    const helper = site({ file: '/srv/lib.js', line: 3, callers: [[{ file: '/srv/a.js', line: 30, column: 9 }]] });
    const missed = site({ line: 40, imported: { module: 'node:fs', path: ['readFileSync'] }, function: 'load' });
    const findings = [finding('/srv/a.js', 10), finding('/srv/a.js', 20, 22), finding('/srv/a.js', 30), finding('/srv/b.js', 40)];
    const result = compare([sameLine, spread, helper, missed], findings, '/srv');
    expect(result.matched.map((match) => [match.site.line, match.finding.line, match.via])).toEqual([
      [10, 10, 'site'],
      [21, 20, 'site'],
      [3, 30, 'caller'],
    ]);
    expect(result.traceOnly.map((miss) => [miss.site.line, miss.diagnosis.kind])).toEqual([[40, 'analysis']]);
    expect(result.scanOnly).toEqual([findings[3]]);
    expect(unmatchedMisses(result)).toHaveLength(1);
  });

  const diagnose = (traced: TraceSite) => diagnoseIn(traced, '/srv');

  it('names the miss: unknown API, analysis, low severity, or a call through a value', () => {
    expect(diagnose(site({ imported: { module: 'legacy-db', path: ['querySync'] } }))).toEqual({
      kind: 'catalog',
      reason: '`legacy-db.querySync` is not in the catalog',
      suggestion: { module: 'legacy-db', path: 'querySync' },
    });
    const helper = diagnose(
      site({ imported: { module: 'fs', path: ['readFileSync'] }, function: 'load', callers: [[{ file: '/srv/b.js', line: 1, column: 1, imported: { module: './a.js', path: ['load'] } }]] }),
    );
    expect(helper).toMatchObject({ kind: 'analysis', catalogId: 'fs.readFileSync', suggestion: { module: './a.js', path: 'load' } });
    expect(helper.reason).toContain("its caller imports `load` from './a.js'");
    expect(diagnose(site({ imported: { module: 'node:crypto', path: ['randomBytes'] } }))).toMatchObject({ kind: 'low-severity', catalogId: 'crypto.randomBytes' });
    // `this.db.querySync()`: not an import, but the frame it called names the package and the function.
    expect(diagnose(site({ api: 'this.db.querySync', apiFrame: { function: 'Database.querySync', location: '/srv/node_modules/legacy-db/index.js', line: 1, column: 1 } }))).toMatchObject({
      kind: 'catalog',
      suggestion: { module: 'legacy-db', path: 'querySync' },
    });
    expect(diagnose(site({ api: 'read', apiFrame: { function: 'readFileSync', location: 'node:fs', line: 1, column: 1 } }))).toMatchObject({ kind: 'analysis' });
    expect(diagnose(site({ api: 'run' }))).toMatchObject({ kind: 'unknown' });
  });

  it('suggests a project file by its path from the working directory, which matches every importer', () => {
    const caller = { file: '/srv/src/routes/users.js', line: 12, column: 18, imported: { module: '../lib/passwords.js', path: ['hashPassword'] } };
    const helper = diagnose(site({ file: '/srv/src/lib/passwords.js', imported: { module: 'node:crypto', path: ['pbkdf2Sync'] }, callers: [[caller]] }));
    expect(helper.suggestion).toEqual({ module: './src/lib/passwords.js', path: 'hashPassword' });
    const unknown = diagnose(site({ file: '/srv/src/routes/users.js', imported: { module: '../legacy/config.js', path: ['loadSettings'] } }));
    expect(unknown.suggestion).toEqual({ module: './src/legacy/config.js', path: 'loadSettings' });
    // Outside the working directory, the path climbs out of it.
    expect(diagnoseIn(site({ file: '/srv/src/a.js', imported: { module: './b.js', path: ['f'] } }), '/srv/app').suggestion).toEqual({ module: '../src/b.js', path: 'f' });
  });
});
