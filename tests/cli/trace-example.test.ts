// `unblock trace` on the bundled example: a smoke test starts the service, calls
// each endpoint once and stops it. The handlers' blocking calls must come out as
// matched by the rules, start-up as not reported, and a call to a package the
// catalog does not know as seen only by the trace. Expected sites come from
// `unblock scan`, not from line numbers, so that the example can change.

import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CommandIo } from '../../cli/io.js';
import { scan } from '../../cli/scan/scan.js';
import { register as registerTrace } from '../../cli/trace/command.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(repoRoot, 'tests/fixtures/trace');
const exampleSrc = path.join(repoRoot, 'examples/express-service/src');
const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'unblock-trace-example-')));
cpSync(path.join(FIXTURES, 'uses-legacy-config.mjs'), path.join(project, 'uses-legacy-config.mjs'));
cpSync(path.join(FIXTURES, 'settings.json'), path.join(project, 'settings.json'));
cpSync(path.join(FIXTURES, 'legacy-config'), path.join(project, 'node_modules/legacy-config'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface JsonFrame {
  file: string;
  line: number;
}
interface JsonSite extends JsonFrame {
  api: string;
  callers: JsonFrame[][];
  kind?: string;
  suggestion?: { module: string; path: string };
  finding?: JsonFrame & { ruleId: string };
  via?: 'site' | 'caller';
}
interface JsonReport {
  run: { started: boolean; exitCode?: number };
  summary: { startupWarnings: number; sites: number };
  matched: JsonSite[];
  traceOnly: JsonSite[];
}

let report: JsonReport;
let stderr = '';
let code = -1;

beforeAll(async () => {
  let stdout = '';
  const io: CommandIo = {
    cwd: repoRoot,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { ...process.env, NODE_OPTIONS: '' },
    setExitCode: (exitCode) => (code = exitCode),
  };
  const program = new Command().exitOverride();
  registerTrace(program, io);
  await program.parseAsync(['trace', '--json', '--', process.execPath, path.join(FIXTURES, 'smoke-example.mjs'), path.join(project, 'uses-legacy-config.mjs')], { from: 'user' });
  report = JSON.parse(stdout) as JsonReport;
}, 90_000);

const relative = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');

describe('unblock trace on the example service', () => {
  it('runs the smoke test to the end', () => {
    expect(stderr).toMatch(/^GET \/users\/1 200$/m);
    expect(stderr).toMatch(/^ran uses-legacy-config\.mjs$/m);
    expect(report.run).toEqual({ started: true, exitCode: 0 });
    expect(code).toBe(0);
  });

  it("reports the handlers' blocking calls that the rules find as matched", async () => {
    const scanned = await scan({ paths: [exampleSrc], cwd: repoRoot });
    // Every finding but the spin-wait (not a sync API, and off unless SIMULATED_LATENCY_MS is set)
    // is a call in a handler, and the smoke test calls every handler.
    const expected = scanned.results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId !== 'unblock/no-busy-wait').map((message) => `${relative(result.filePath)}:${message.line}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    const matched = report.matched.map((site) => `${site.finding!.file}:${site.finding!.line}`);
    expect(matched.sort()).toEqual(expect.arrayContaining(expected.sort()));
    for (const site of report.matched.filter((match) => match.via === 'site')) expect(site.finding!.line).toBe(site.line);
  });

  it('does not report start-up, which runs while the modules load', () => {
    expect(report.summary.startupWarnings).toBeGreaterThan(0);
    const startup = ['examples/express-service/src/server.js', 'examples/express-service/src/seed.js', 'examples/express-service/src/config.js'];
    for (const site of [...report.matched, ...report.traceOnly]) {
      expect(startup).not.toContain(site.file);
      for (const chain of site.callers) for (const frame of chain) expect(startup).not.toContain(frame.file);
    }
  });

  it('shows a call to an API the catalog does not know as seen only by the trace, with a setting to add', () => {
    const legacy = report.traceOnly.find((site) => site.file === path.join(project, 'uses-legacy-config.mjs'));
    expect(legacy).toMatchObject({ api: 'loadSettings', kind: 'catalog', suggestion: { module: 'legacy-config', path: 'loadSettings' } });
  });

  it('matches the helpers in other modules at their callers, so none is left to the trace alone', () => {
    const helpers = ['examples/express-service/src/lib/passwords.js', 'examples/express-service/src/lib/report.js', 'examples/express-service/src/cpu/score.js'];
    for (const file of helpers) {
      const site = report.matched.find((match) => match.file === file);
      expect(site, file).toMatchObject({ via: 'caller', finding: { ruleId: 'unblock/no-transitive-blocking' } });
    }
    expect(report.traceOnly.filter((site) => site.kind === 'analysis')).toEqual([]);
  });
});
