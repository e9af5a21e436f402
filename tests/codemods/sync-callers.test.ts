// The sync-callers codemod's cases (tests/codemods/sync-callers-cases.ts says how they are laid
// out). Each case runs through `transformProgram` with every script of input/, and checks, besides
// the expected texts, what the per-file codemods promise:
// - every call the rule `no-transitive-blocking` reports on the input is fixed or left;
// - the outputs parse, and the rule reports no more than before, less what was fixed.
// The long trials (a run stopped between writes, a second run, a type check) are in
// sync-callers-trials.test.ts, in `npm run test:slow`.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { transformProgram } from '../../codemods/sync-callers/transform.js';
import { cases, casesRoot, describeSite, filesUnder, loadCase, report, RULE, SCRIPT } from './sync-callers-cases.js';

describe.each(cases)('%s', (name) => {
  const { inputDirectory, expectedDirectory, files, scripts, wantedLeft, wantedErrors, broken, resultOf, input, expected } = loadCase(name);
  it('has the same files in input/ and expected/', () => {
    expect(filesUnder(expectedDirectory)).toEqual(files);
    expect(scripts.length).toBeGreaterThan(0);
  });

  it('gives the expected output', () => {
    for (const file of files) {
      if (!SCRIPT.test(file)) {
        expect(expected(file), file).toBe(input(file));
        continue;
      }
      const result = resultOf(file);
      expect(result.output ?? input(file), file).toBe(expected(file));
      // `output` is set exactly when something changed.
      expect(result.output === undefined, file).toBe(expected(file) === input(file));
    }
  });

  it('reports exactly the expected errors', () => {
    const errors = scripts.flatMap((file) => {
      const error = resultOf(file).error;
      return error ? [{ file, kind: error.kind }] : [];
    });
    expect(errors).toEqual(wantedErrors.map(({ file, kind }) => ({ file, kind })));
  });

  it('leaves exactly the expected calls, for the expected reasons', () => {
    const left = scripts.flatMap((file) => resultOf(file).left.map((site) => ({ file, site })));
    expect(left.map(({ file, site }) => `${file} ${describeSite(site)}`)).toHaveLength(wantedLeft.length);
    wantedLeft.forEach((want, index) => {
      const { file, site } = left[index]!;
      expect({ file, line: site.line, api: site.api }).toEqual({ file: want.file, line: want.line, api: want.api });
      expect(site.reason ?? '').toContain(want.reason);
    });
  });

  it('fixes or leaves every call the rule reports on the input', () => {
    for (const file of scripts.filter((name) => !broken.has(name))) {
      const messages = report(input(file), path.join(inputDirectory, file));
      expect(messages.filter((message) => message.fatal), file).toEqual([]);
      const result = resultOf(file);
      const sites = [...result.fixed, ...result.left];
      for (const message of messages.filter((candidate) => candidate.ruleId === RULE)) {
        const site = sites.find((candidate) => candidate.line === message.line && candidate.column === message.column);
        expect(site, `${file}: a fixed or left site for ${message.line}:${message.column} ${message.message}`).toBeDefined();
      }
    }
  });

  it('leaves the rule nothing to report at the calls it fixed, and parses', () => {
    // The rule follows helpers into the other modules on disk: lint each output beside the others.
    const fixedDirectory = mkdtempSync(path.join(tmpdir(), `unblock-sync-callers-${name}-`));
    try {
      cpSync(inputDirectory, fixedDirectory, { recursive: true });
      for (const file of scripts) {
        const output = resultOf(file).output;
        if (output !== undefined) writeFileSync(path.join(fixedDirectory, file), output);
      }
      for (const file of scripts) {
        const result = resultOf(file);
        if (result.output === undefined) continue;
        const before = report(input(file), path.join(inputDirectory, file)).filter((message) => message.ruleId === RULE);
        const after = report(result.output, path.join(fixedDirectory, file));
        expect(after.filter((message) => message.fatal), file).toEqual([]);
        const fixedReported = result.fixed.filter((site) => before.some((message) => message.line === site.line && message.column === site.column));
        expect(after.filter((message) => message.ruleId === RULE).length, file).toBeLessThanOrEqual(before.length - fixedReported.length);
      }
    } finally {
      rmSync(fixedDirectory, { recursive: true, force: true });
    }
  });

});

it('reads a file from `sources` when given, not from the disk', () => {
  const directory = path.join(casesRoot, 'same-file', 'input');
  const file = path.join(directory, 'config.js');
  const text = readFileSync(file, 'utf8').replace("loadConfig('config.json').port", "loadConfig('other.json').port");
  const result = transformProgram({ files: [file], sources: new Map([[file, text]]), root: directory }).results.get(file);
  expect(result?.output).toContain("(await loadConfig('other.json')).port");
});

it('counts the calls in `readOnlyFiles` and the package’s other scripts, and rewrites none of them', () => {
  const directory = path.join(casesRoot, 'mixed-cut', 'input');
  const [server, templates, boot] = ['server.js', 'templates.js', 'boot.js'].map((file) => path.join(directory, file)) as [string, string, string];
  // Without boot.js, nothing calls `loadTemplate` synchronously: it becomes async.
  const partial = transformProgram({ files: [server, templates], root: directory, discoverCallers: false }).results;
  // By default the package's other scripts are read: boot.js is one.
  expect(transformProgram({ files: [server, templates], root: directory }).results.get(templates)?.output).toBeUndefined();
  expect(partial.get(templates)?.output).toContain('export async function loadTemplate(name)');
  // With it, read only, its start-up call keeps `loadTemplate` sync, and boot.js is not touched.
  const whole = transformProgram({ files: [server, templates], readOnlyFiles: [boot], root: directory, discoverCallers: false }).results;
  expect([...whole.keys()]).toEqual([server, templates]);
  expect(whole.get(templates)?.output).toBeUndefined();
  expect(whole.get(server)?.output).toBe(readFileSync(path.join(casesRoot, 'mixed-cut', 'expected', 'server.js'), 'utf8'));
});

it('finds the cases', () => {
  expect(cases).toContain('worker-module');
});
