// The CI gates of `unblock scan`: --max-findings (alias --max-warnings) and the baseline
// (--write-baseline, then --baseline), run in temp projects through main().

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Three findings: one in a handler, two (identical, on one line) in an async function. */
const APP = [
  "const express = require('express');",
  "const fs = require('fs');",
  'const app = express();',
  "app.get('/report', (req, res) => {",
  "  res.send(fs.readFileSync('/var/report.txt'));",
  '});',
  "async function twice() { return fs.readFileSync('a') + fs.readFileSync('a'); }",
  'module.exports = { app, twice };',
  '',
].join('\n');

const LOAD = ["import fs from 'node:fs';", '', 'export async function load() {', "  return fs.readFileSync('config.json', 'utf8');", '}', ''].join('\n');

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const write = (root: string, file: string, text: string) => writeFileSync(path.join(root, file), text);

/** `file:line ruleId` of each finding in `unblock scan --format json` output. */
function findings(root: string, stdout: string): string[] {
  const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; fatal?: boolean }> }>;
  return results.flatMap((result) =>
    result.messages.filter((message) => !message.fatal).map((message) => `${path.relative(root, result.filePath).split(path.sep).join('/')}:${message.line} ${message.ruleId}`),
  );
}

describe('unblock scan --max-findings', () => {
  it('exits 0 at or under the limit and 1 over it, saying how many and the limit', async () => {
    const root = project({ 'src/app.cjs': APP });

    const within = await run(['scan', '--max-findings', '3'], root);
    expect(within.code).toBe(0);
    expect(within.stderr).toContain('unblock: 3 blocking calls reported, within --max-findings 3');

    const over = await run(['scan', '--max-findings', '2'], root);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('unblock: 3 blocking calls reported, more than --max-findings 2 allows');
  });

  it('accepts --max-warnings, as ESLint spells it, and names it back', async () => {
    const root = project({ 'src/app.cjs': APP });
    expect((await run(['scan', '--max-warnings', '5'], root)).code).toBe(0);
    const over = await run(['scan', '--max-warnings=1'], root);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('more than --max-warnings 1 allows');
  });

  it('is 0 by default: any finding fails', async () => {
    const root = project({ 'src/app.cjs': APP });
    expect((await run(['scan'], root)).code).toBe(1);
    expect((await run(['scan', '--max-findings', '0'], root)).code).toBe(1);
  });

  it.each(['abc', '-1', '1.5', '', ' 2', '1e3', '99999999999999999999'])('rejects %j, naming the option, with exit 2', async (value) => {
    const root = project({ 'src/app.cjs': APP });
    const { code, stdout, stderr } = await run(['scan', `--max-findings=${value}`], root);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^unblock: --max-findings .*: expected a non-negative integer/);
  });

  it('refuses --max-findings and --max-warnings together', async () => {
    const root = project({ 'src/app.cjs': APP });
    const { code, stderr } = await run(['scan', '--max-findings', '1', '--max-warnings', '2'], root);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--max-warnings <n>' cannot be used with option '--max-findings <n>'");
  });

  it('still exits 2 when a file does not parse, even under the limit', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/broken.js': 'const x = ;\n' });
    const { code, stderr } = await run(['scan', '--max-findings', '10'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: could not parse src/broken.js');
  });
});

describe('unblock scan --write-baseline / --baseline', () => {
  it('records the findings, sorted, by fingerprint rather than line, and a rescan against them reports nothing', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/load.mjs': LOAD });

    const written = await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('unblock: scanned 2 files; recorded 4 blocking calls in the baseline unblock-baseline.json');

    const baseline = JSON.parse(read(root, 'unblock-baseline.json')) as { version: number; findings: Array<Record<string, string>> };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((entry) => Object.keys(entry))).toEqual(Array(4).fill(['file', 'rule', 'fingerprint']));
    expect(baseline.findings.map((entry) => `${entry.file} ${entry.rule}`)).toEqual([
      'src/app.cjs unblock/no-blocking-in-async',
      'src/app.cjs unblock/no-blocking-in-async',
      'src/app.cjs unblock/no-blocking-in-handler',
      'src/load.mjs unblock/no-blocking-in-async',
    ]);
    const sorted = [...baseline.findings].sort((a, b) => JSON.stringify([a.file, a.rule, a.fingerprint]).localeCompare(JSON.stringify([b.file, b.rule, b.fingerprint])));
    expect(baseline.findings).toEqual(sorted);
    expect(new Set(baseline.findings.map((entry) => entry.fingerprint)).size).toBe(4);

    // Writing it again gives the same bytes: the file diffs cleanly in review.
    const first = read(root, 'unblock-baseline.json');
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    expect(read(root, 'unblock-baseline.json')).toBe(first);

    const rescan = await run(['scan', '--baseline', 'unblock-baseline.json', '--format', 'json'], root);
    expect(rescan.code).toBe(0);
    expect(findings(root, rescan.stdout)).toEqual([]);
    expect(rescan.stderr).toContain('unblock: scanned 2 files; no new blocking calls on the event loop');
    expect(rescan.stderr).toContain('unblock: baseline unblock-baseline.json suppressed 4 known blocking calls');
  });

  it('reports only a blocking call added after the baseline', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);

    write(root, 'src/load.mjs', `${LOAD}export async function save(data) {\n  fs.writeFileSync('out.json', data);\n}\n`);
    const { code, stdout, stderr } = await run(['scan', '--baseline', 'unblock-baseline.json', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(findings(root, stdout)).toEqual(['src/load.mjs:7 unblock/no-blocking-in-async']);
    expect(stderr).toContain('unblock: scanned 2 files; 1 new blocking call in 1 file');
    expect(stderr).toContain('suppressed 4 known blocking calls');
  });

  it('keeps suppressing findings whose code moved down the file', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);

    write(root, 'src/app.cjs', `'use strict';\n// Routes of the report service.\n\n\n${APP}`);
    write(root, 'src/load.mjs', LOAD.replace('export async', 'const unused = 1;\n\n/** Loads the configuration. */\nexport async'));
    const { code, stdout, stderr } = await run(['scan', '--baseline', 'unblock-baseline.json', '--format', 'json'], root);
    expect(code).toBe(0);
    expect(findings(root, stdout)).toEqual([]);
    expect(stderr).toContain('suppressed 4 known blocking calls');
    expect(stderr).not.toContain('no longer match');
  });

  it('reports a second copy of a recorded line as new, but not the recorded one', async () => {
    const root = project({ 'src/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    write(root, 'src/load.mjs', `${LOAD}export async function again() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n`);
    const { code, stdout } = await run(['scan', '--baseline', 'unblock-baseline.json', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(findings(root, stdout)).toEqual(['src/load.mjs:7 unblock/no-blocking-in-async']);
  });

  it('counts entries that no longer match anything, including those of deleted files', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);

    // One call fixed in app.cjs, load.mjs deleted.
    write(root, 'src/app.cjs', APP.replace("res.send(fs.readFileSync('/var/report.txt'));", "res.sendFile('/var/report.txt');"));
    rmSync(path.join(root, 'src', 'load.mjs'));
    const { code, stderr } = await run(['scan', '--baseline', 'unblock-baseline.json'], root);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'unblock: baseline unblock-baseline.json suppressed 2 known blocking calls; 2 entries no longer match anything (rewrite it with --write-baseline unblock-baseline.json to drop them)',
    );

    // Rewriting drops them.
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    expect((JSON.parse(read(root, 'unblock-baseline.json')) as { findings: unknown[] }).findings).toHaveLength(2);
  });

  it('does not count entries of files outside the scanned paths as stale', async () => {
    const root = project({ 'src/app.cjs': APP, 'lib/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    const { code, stderr } = await run(['scan', 'src', '--baseline', 'unblock-baseline.json'], root);
    expect(code).toBe(0);
    expect(stderr).toContain('suppressed 3 known blocking calls');
    expect(stderr).not.toContain('no longer match');
  });

  it('names files relative to the baseline file, so the scan may run from another directory', async () => {
    const root = project({ 'packages/api/src/app.cjs': APP });
    mkdirSync(path.join(root, 'ci'));
    await run(['scan', 'packages', '--write-baseline', 'ci/unblock-baseline.json'], root);
    const entries = (JSON.parse(read(root, 'ci/unblock-baseline.json')) as { findings: Array<{ file: string }> }).findings;
    expect(new Set(entries.map((entry) => entry.file))).toEqual(new Set(['../packages/api/src/app.cjs']));

    const { code, stderr } = await run(['scan', '--baseline', '../../ci/unblock-baseline.json'], path.join(root, 'packages', 'api'));
    expect(code).toBe(0);
    expect(stderr).toContain('suppressed 3 known blocking calls');
  });

  it('leaves suppressed findings out of the SARIF log too', async () => {
    const root = project({ 'src/load.mjs': LOAD });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    write(root, 'src/load.mjs', `${LOAD}export async function save(data) {\n  fs.writeFileSync('out.json', data);\n}\n`);
    const { code, stdout } = await run(['scan', '--baseline', 'unblock-baseline.json', '--format', 'sarif'], root);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual([7]);
  });

  it('applies --max-findings to what the baseline leaves', async () => {
    const root = project({ 'src/app.cjs': APP });
    await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    write(root, 'src/app.cjs', `${APP}async function more() { return fs.readFileSync('b'); }\n`);
    expect((await run(['scan', '--baseline', 'unblock-baseline.json', '--max-findings', '1'], root)).code).toBe(0);
    expect((await run(['scan', '--baseline', 'unblock-baseline.json'], root)).code).toBe(1);
  });

  it.each([
    ['not JSON', '{"version": 1,', /^unblock: --baseline unblock-baseline\.json: not valid JSON/],
    ['not an object', '[]', /^unblock: --baseline unblock-baseline\.json: not an unblock baseline: expected an object/],
    ['no version', '{"findings": []}', /^unblock: --baseline unblock-baseline\.json: not an unblock baseline: "version" is missing/],
    ['another version', '{"version": 99, "findings": []}', /^unblock: --baseline unblock-baseline\.json: not an unblock baseline: version 99 is not one this unblock reads/],
    ['no findings array', '{"version": 1, "findings": {}}', /"findings" is not an array/],
    ['an entry without a fingerprint', '{"version": 1, "findings": [{"file": "a.js", "rule": "unblock/no-busy-wait"}]}', /findings\[0\]\.fingerprint is not a non-empty string/],
  ])('refuses a baseline that is %s, with exit 2 and a message naming the option', async (_what, text, message) => {
    const root = project({ 'src/app.cjs': APP, 'unblock-baseline.json': text });
    const { code, stdout, stderr } = await run(['scan', '--baseline', 'unblock-baseline.json'], root);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses a missing baseline, saying how to create one', async () => {
    const root = project({ 'src/app.cjs': APP });
    const { code, stderr } = await run(['scan', '--baseline', 'nope.json'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: --baseline nope.json: no such file; record the current findings first with `unblock scan --write-baseline nope.json`');
  });

  it('refuses to write the baseline over a directory or a source file', async () => {
    const root = project({ 'src/app.cjs': APP });
    const directory = await run(['scan', '--write-baseline', 'src'], root);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('unblock: --write-baseline src: that is a directory');
    const source = await run(['scan', '--write-baseline', 'src/app.cjs'], root);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('unblock: --write-baseline src/app.cjs: that is a source file');
    expect(read(root, 'src/app.cjs')).toBe(APP);
  });

  it('refuses --baseline with --write-baseline', async () => {
    const root = project({ 'src/app.cjs': APP, 'b.json': '{"version": 1, "findings": []}' });
    const { code, stderr } = await run(['scan', '--baseline', 'b.json', '--write-baseline', 'b.json'], root);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--write-baseline <file>' cannot be used with option '--baseline <file>'");
  });

  it('writes the baseline even when a file does not parse, and exits 2 to say it is incomplete', async () => {
    const root = project({ 'src/app.cjs': APP, 'src/broken.js': 'const x = ;\n' });
    const { code, stderr } = await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: could not parse src/broken.js');
    expect((JSON.parse(read(root, 'unblock-baseline.json')) as { findings: unknown[] }).findings).toHaveLength(3);
  });
});
