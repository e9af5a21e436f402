// The sync-callers codemod's cases, shared by its test (sync-callers.test.ts: outputs, errors,
// calls left, what the rule reports) and its long trials (sync-callers-trials.test.ts, in
// `npm run test:slow`: stopped runs, second runs, type checks): tests/codemods/sync-callers/<case>/
// {input,expected}/ are programs, with an optional left.json (the calls it must leave, and why)
// and error.json (a file it must report and leave alone).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import type { FileResult, SiteOutcome } from '../../codemods/engine/types.js';
import { transformProgram } from '../../codemods/sync-callers/transform.js';
import type { ProgramResult } from '../../codemods/sync-callers/types.js';
import plugin from '../../rules/index.js';
import { repoRoot } from '../helpers/lint.js';

export const casesRoot = path.join(repoRoot, 'tests', 'codemods', 'sync-callers');
export const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
export const RULE = 'unblock/no-transitive-blocking';

export interface LeftExpectation {
  readonly file: string;
  readonly line: number;
  readonly api: string;
  /** A substring of the reason. */
  readonly reason: string;
}

export interface ErrorExpectation {
  readonly file: string;
  readonly kind: 'parse' | 'reparse';
}

/** Every file under `root`, relative to it, sorted. */
export function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix))
    .flatMap((name) => {
      const relative = prefix === '' ? name : path.join(prefix, name);
      return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
    })
    .sort();
}

export const cases = readdirSync(casesRoot)
  .filter((name) => statSync(path.join(casesRoot, name)).isDirectory())
  .sort();

const linter = new Linter({ configType: 'flat', cwd: repoRoot });

/** What the rule reports on `code` as the file `filePath`. */
export function report(code: string, filePath: string): Linter.LintMessage[] {
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

export const describeSite = (site: SiteOutcome): string => `${site.line}:${site.column} ${site.api}${site.reason ? ` (${site.reason})` : ''}`;
/** Reasons name lines, which a first run's new imports move. */
export const normalized = (sites: readonly SiteOutcome[]): string[] => sites.map((site) => `${site.api}: ${(site.reason ?? '').replace(/:\d+\b/g, ':N').replace(/line \d+/g, 'line N')}`);

/** One case: its files, what it expects, and its first run (made once, when first asked for). */
export function loadCase(name: string) {
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

  return { caseDirectory, inputDirectory, expectedDirectory, files, scripts, wantedLeft, wantedErrors, broken, transform, run, resultOf, input, expected };
}
