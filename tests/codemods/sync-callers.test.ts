// The sync-callers codemod's cases: tests/codemods/sync-callers/<case>/{input,expected}/ are
// programs, with an optional left.json (the calls it must leave, and why) and error.json (a file
// it must report and leave alone). Each case runs through `transformProgram` with every script of
// input/, and checks, besides the expected texts, what the per-file codemods promise:
// - every call the rule `no-transitive-blocking` reports on the input is fixed or left;
// - the outputs parse, and the rule reports no more than before, less what was fixed;
// - a second run, on expected/, changes nothing and leaves the same calls for the same reasons;
// - a TypeScript case type-checks after the rewrite with no error it did not have before.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import type { FileResult, SiteOutcome } from '../../codemods/engine/types.js';
import { setModuleFormats } from '../../codemods/sync-callers/module-format.js';
import { transformProgram } from '../../codemods/sync-callers/transform.js';
import type { ProgramResult } from '../../codemods/sync-callers/types.js';
import plugin from '../../rules/index.js';
import { repoRoot } from '../helpers/lint.js';

const casesRoot = path.join(repoRoot, 'tests', 'codemods', 'sync-callers');
const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const RULE = 'unblock/no-transitive-blocking';

interface LeftExpectation {
  readonly file: string;
  readonly line: number;
  readonly api: string;
  /** A substring of the reason. */
  readonly reason: string;
}

interface ErrorExpectation {
  readonly file: string;
  readonly kind: 'parse' | 'reparse';
}

/** Every file under `root`, relative to it, sorted. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix))
    .flatMap((name) => {
      const relative = prefix === '' ? name : path.join(prefix, name);
      return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
    })
    .sort();
}

const cases = readdirSync(casesRoot)
  .filter((name) => statSync(path.join(casesRoot, name)).isDirectory())
  .sort();

const linter = new Linter({ configType: 'flat', cwd: repoRoot });

/** What the rule reports on `code` as the file `filePath`. */
function report(code: string, filePath: string): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: { parser: tsParser, sourceType: /\.c[jt]s$/.test(filePath) ? 'commonjs' : 'module' },
        plugins: { unblock: plugin },
        rules: { [RULE]: 'error' },
      },
    ],
    filePath,
  );
}

const describeSite = (site: SiteOutcome): string => `${site.line}:${site.column} ${site.api}${site.reason ? ` (${site.reason})` : ''}`;
/** Reasons name lines, which a first run's new imports move. */
const normalized = (sites: readonly SiteOutcome[]): string[] => sites.map((site) => `${site.api}: ${(site.reason ?? '').replace(/:\d+\b/g, ':N').replace(/line \d+/g, 'line N')}`);

describe.each(cases)('%s', (name) => {
  const caseDirectory = path.join(casesRoot, name);
  const inputDirectory = path.join(caseDirectory, 'input');
  const expectedDirectory = path.join(caseDirectory, 'expected');
  const files = filesUnder(inputDirectory);
  const scripts = files.filter((file) => SCRIPT.test(file));
  const json = <T,>(file: string): T | undefined => {
    const full = path.join(caseDirectory, file);
    return readdirSync(caseDirectory).includes(file) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : undefined;
  };
  const wantedLeft = json<LeftExpectation[]>('left.json') ?? [];
  const wantedErrors = json<ErrorExpectation[]>('error.json') ?? [];

  const broken = new Set(wantedErrors.map((error) => error.file));
  /** The program in `directory`, with its tsconfig.json when it has one. */
  const transform = (directory: string): ProgramResult => {
    const tsConfigFilePath = path.join(directory, 'tsconfig.json');
    return transformProgram({
      files: scripts.map((file) => path.join(directory, file)),
      root: directory,
      ...(files.includes('tsconfig.json') ? { tsConfigFilePath } : {}),
    });
  };
  let first: ProgramResult | undefined;
  const run = (): ProgramResult => (first ??= transform(inputDirectory));
  const resultOf = (file: string): FileResult => {
    const result = run().results.get(path.join(inputDirectory, file));
    if (!result) throw new Error(`no result for ${file}`);
    return result;
  };
  const input = (file: string): string => readFileSync(path.join(inputDirectory, file), 'utf8');
  const expected = (file: string): string => readFileSync(path.join(expectedDirectory, file), 'utf8');

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

  // `unblock fix` writes the files one by one, in `writeOrder`, and a run can stop between two
  // writes (Ctrl-C, a CI timeout). Whatever it had written by then, running it again must end
  // where an uninterrupted run ends: a helper's module written before its caller's would leave the
  // caller using a promise as its value, and a rerun cannot tell it was meant to be awaited.
  const rewritten = scripts.filter((file) => !broken.has(file) && input(file) !== expected(file));
  if (rewritten.length > 1) {
    it('can be stopped between any two writes: a rerun finishes the job', () => {
      const order = (run().writeOrder ?? []).map((file) => path.relative(inputDirectory, file)).filter((file) => rewritten.includes(file));
      expect([...order].sort()).toEqual([...rewritten].sort());
      for (let written = 1; written < order.length; written++) {
        const stoppedAfter = order.slice(0, written);
        const rerun = transformProgram({
          files: scripts.map((file) => path.join(inputDirectory, file)),
          root: inputDirectory,
          sources: new Map(stoppedAfter.map((file) => [path.join(inputDirectory, file), expected(file)])),
          ...(files.includes('tsconfig.json') ? { tsConfigFilePath: path.join(inputDirectory, 'tsconfig.json') } : {}),
        });
        for (const file of scripts) {
          const now = stoppedAfter.includes(file) ? expected(file) : input(file);
          const result = rerun.results.get(path.join(inputDirectory, file))!;
          expect(result.output ?? now, `stopped after ${stoppedAfter.join(', ')}: ${file}`).toBe(expected(file));
        }
      }
    });
  }

  it('changes nothing on a second run', () => {
    const again = transform(expectedDirectory);
    const firstLeft: SiteOutcome[] = [];
    const againLeft: SiteOutcome[] = [];
    for (const file of scripts) {
      const result = again.results.get(path.join(expectedDirectory, file))!;
      expect(result.error?.kind, file).toBe(wantedErrors.find((error) => error.file === file)?.kind);
      expect(result.output, file).toBeUndefined();
      expect(result.fixed.map(describeSite), file).toEqual([]);
      againLeft.push(...result.left);
      firstLeft.push(...resultOf(file).left);
    }
    expect(normalized(againLeft)).toEqual(normalized(firstLeft));
  });

  if (scripts.some((file) => /\.[cm]?tsx?$/.test(file))) {
    it('type-checks after the rewrite with no new errors', () => {
      const diagnostics = (text: (file: string) => string): string[] => {
        const project = new Project({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            target: ts.ScriptTarget.ES2022,
            lib: ['lib.es2023.d.ts'],
            module: ts.ModuleKind.NodeNext,
            moduleResolution: ts.ModuleResolutionKind.NodeNext,
            types: ['node'],
          },
          skipAddingFilesFromTsConfig: true,
        });
        for (const file of scripts) project.createSourceFile(path.join(inputDirectory, file), text(file), { overwrite: true });
        setModuleFormats(project);
        return project.getPreEmitDiagnostics().map((diagnostic) => {
          const source = diagnostic.getSourceFile();
          const where = source ? path.relative(inputDirectory, source.getFilePath()) : '(global)';
          return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, '\n')}`;
        });
      };
      const before = diagnostics(input);
      const after = diagnostics((file) => resultOf(file).output ?? input(file));
      expect(after.filter((message) => !before.includes(message))).toEqual([]);
    });
  }
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
