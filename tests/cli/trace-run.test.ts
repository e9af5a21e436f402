// `unblock trace` on a small program: what passes through, what is reported,
// and the exit codes.

import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';

import type { CommandIo } from '../../cli/io.js';
import { register as registerTrace } from '../../cli/trace/command.js';
import { repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/trace');
// realpath: the frames Node prints name files by their real path (macOS's /tmp is a link).
const project = realpathSync(mkdtempSync(path.join(tmpdir(), 'unblock-trace-run-')));
cpSync(path.join(FIXTURES, 'program.cjs'), path.join(project, 'program.cjs'));
cpSync(path.join(FIXTURES, 'shim-check.cjs'), path.join(project, 'shim-check.cjs'));
cpSync(path.join(FIXTURES, 'settings.json'), path.join(project, 'settings.json'));
cpSync(path.join(FIXTURES, 'legacy-config'), path.join(project, 'node_modules/legacy-config'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `unblock trace <argv>` in-process, as main.ts runs it: commander errors exit 2. */
async function trace(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const io: CommandIo = {
    cwd: project,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    setExitCode: (exitCode) => (code = exitCode),
  };
  const program = new Command().exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerTrace(program, io);
  try {
    await program.parseAsync(['trace', ...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  return { code, stdout, stderr };
}

interface JsonSite {
  file: string;
  line: number;
  api: string;
  kind?: string;
  suggestion?: { module: string; path: string };
  finding?: { ruleId: string };
}
interface JsonReport {
  run: { started: boolean; exitCode?: number };
  summary: { startupWarnings: number };
  matched: JsonSite[];
  traceOnly: JsonSite[];
}

describe('unblock trace', () => {
  it('passes the output through without the warnings, and reports matched and missed sites', async () => {
    const { code, stdout, stderr } = await trace(['--', 'node', 'program.cjs'], { NODE_OPTIONS: '--title=traced-fixture' });
    expect(code).toBe(0);
    // NODE_OPTIONS keeps what was there, and the child still honours it.
    expect(stdout).toMatch(/^NODE_OPTIONS=--title=traced-fixture --trace-sync-io --require ".*unblock-trace-shim\.cjs"$/m);
    expect(stdout).toContain('title=traced-fixture\n');
    expect(stdout).toContain('read true legacy\n');
    expect(stderr).toContain('a line of our own on stderr\n');
    expect(stderr).not.toContain('Detected use of sync API');
    expect(stderr).not.toMatch(/^ {4}at /m);

    expect(stderr).toContain('Also reported by the rules (1):');
    expect(stderr).toMatch(/^ {2}program\.cjs:15:\d+ {2}fs\.readFileSync {2}in later/m);
    expect(stderr).toContain('Only the trace saw (1)');
    expect(stderr).toMatch(/^ {2}program\.cjs:16:\d+ {2}loadSettings {2}in later/m);
    expect(stderr).toContain('`legacy-config.loadSettings` is not in the catalog');
    expect(stderr).toContain("        { module: 'legacy-config', path: 'loadSettings' },");
    // The start-up read on line 8 happened before the first tick.
    expect(stderr).not.toMatch(/program\.cjs:8:/);
  });

  it('with --json, prints one JSON document on stdout and the command\'s stdout on stderr', async () => {
    const { code, stdout, stderr } = await trace(['--json', '--', 'node', 'program.cjs']);
    expect(code).toBe(0);
    expect(stderr).toContain('read true legacy\n');
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.run).toEqual({ started: true, exitCode: 0 });
    expect(report.matched.map((site) => [site.file, site.line, site.finding?.ruleId])).toEqual([['program.cjs', 15, 'unblock/no-blocking-in-async']]);
    expect(report.traceOnly).toMatchObject([{ file: 'program.cjs', line: 16, api: 'loadSettings', kind: 'catalog', suggestion: { module: 'legacy-config', path: 'loadSettings' } }]);
  });

  it("exits with the command's code, or 1 with --fail-on-unmatched when the rules missed a site", async () => {
    expect((await trace(['--', 'node', 'program.cjs'], { TRACE_FIXTURE_EXIT: '3' })).code).toBe(3);
    expect((await trace(['--fail-on-unmatched', '--', 'node', 'program.cjs'])).code).toBe(1);
    expect((await trace(['--fail-on-unmatched', '--', 'node', 'program.cjs'], { TRACE_FIXTURE_EXIT: '3' })).code).toBe(3);
    const killed = await trace(['--', 'node', 'program.cjs'], { TRACE_FIXTURE_SIGNAL: 'SIGTERM' });
    expect(killed.code).toBe(143);
    expect(killed.stderr).toContain('was ended by SIGTERM');
  });

  it('counts dependencies as your code with --include-node-modules', async () => {
    const { stdout } = await trace(['--json', '--include-node-modules', '--', 'node', 'program.cjs']);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.traceOnly).toMatchObject([{ file: 'node_modules/legacy-config/index.js', api: 'fs.readFileSync', kind: 'analysis' }]);
  });

  it('lists what only the scan reports with --scan', async () => {
    const { stderr } = await trace(['--scan', '.', '--', 'node', '-e', '0']);
    expect(stderr).toContain('0 sync call sites after start-up');
    expect(stderr).toMatch(/Only the scan reports \(1\): not exercised by the command\n {2}program\.cjs:15:\d+ {2}unblock\/no-blocking-in-async/);
  });

  it('keeps fs results the same with the shim, and leaves it out with --no-shim', async () => {
    const checked = await trace(['--', 'node', 'shim-check.cjs']);
    expect(checked.stderr).not.toContain('AssertionError');
    expect(checked.stdout).toBe('shim ok\n');
    expect(checked.code).toBe(0);
    const { stdout } = await trace(['--no-shim', '--', 'node', 'program.cjs']);
    expect(stdout).toMatch(/^NODE_OPTIONS=--trace-sync-io$/m);
  });

  it('exits 2 on usage errors and when the command cannot start', async () => {
    expect((await trace([])).code).toBe(2);
    const missing = await trace(['--scan', 'no-such-dir', '--', 'node', 'program.cjs']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('unblock: path not found: no-such-dir\n');
    const notFound = await trace(['--', 'unblock-no-such-command']);
    expect(notFound.code).toBe(2);
    expect(notFound.stderr).toContain('unblock: could not start `unblock-no-such-command`: spawn unblock-no-such-command ENOENT');
  });
});

describe('docs/trace.md', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'trace.md'), 'utf8');

  it('documents every option', () => {
    const command = registerTrace(new Command(), { cwd: project, stdout: () => undefined, stderr: () => undefined, setExitCode: () => undefined });
    for (const option of command.options) expect(docs, option.long).toContain(`| \`${option.flags}\``);
  });

  it('shows a JSON report with the shape `unblock trace --json` prints', async () => {
    const keys = (value: unknown) => Object.keys(value as object).sort();
    const documented = JSON.parse(readMarkdown(docs).blocks.find((block) => block.language === 'json')!.code) as Record<string, unknown> & JsonShape;
    const actual = JSON.parse((await trace(['--json', '--', 'node', 'program.cjs'])).stdout) as Record<string, unknown> & JsonShape;
    expect(keys(documented)).toEqual(keys(actual));
    expect(keys(documented.summary)).toEqual(keys(actual.summary));
    expect(keys(documented.run)).toEqual(keys(actual.run));
    expect(keys(documented.matched[0])).toEqual(keys(actual.matched[0]));
    expect(keys(documented.matched[0]!.finding)).toEqual(keys(actual.matched[0]!.finding));
    expect(keys(documented.traceOnly[0])).toEqual(keys(actual.traceOnly[0]));
  });
});

interface JsonShape {
  summary: object;
  run: object;
  matched: Array<{ finding: object }>;
  traceOnly: object[];
}
