// Every fixture of every codemod: tests/codemods/<codemod>/<case>/{input,expected}.<ext>,
// with an optional left.json (the sites the codemod must leave, and why) and error.json (an
// input that must be reported and left alone). The folder name picks the codemod from the
// registry. Besides the expected text, each case checks the promises every codemod makes:
// - one detector: each site the codemod fixed or left is a site `unblock scan`'s recommended
//   rules report on the input, and every report of the codemod's rules is one of its sites;
// - after the fix those rules no longer report any site it claims to have fixed;
// - a second run changes nothing and leaves the same sites for the same reasons.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { scanConfig } from '../../cli/scan/config.js';
import { recommendedScanRules } from '../../cli/scan/recommended-rules.js';
import type { Codemod, FileResult, SiteOutcome } from '../../codemods/engine/types.js';
import { CODEMODS, PROGRAM_CODEMODS } from '../../codemods/registry.js';
import { repoRoot } from '../helpers/lint.js';

const fixturesRoot = path.join(repoRoot, 'tests', 'codemods');
/** Folders under tests/codemods that hold other tests, not fixtures. */
const NOT_FIXTURES = new Set(['behaviour']);

/** The rules whose reports are a codemod's sites; other rules' reports belong to other codemods. */
const RULES_OF: Readonly<Record<string, readonly string[]>> = {
  'async-api': ['unblock/no-blocking-in-async', 'unblock/no-blocking-in-handler'],
  'busy-wait': ['unblock/no-busy-wait'],
};

interface LeftExpectation {
  readonly line: number;
  readonly api: string;
  /** A substring of the reason. */
  readonly reason: string;
}

interface ErrorExpectation {
  readonly kind: 'parse' | 'reparse';
  readonly line?: number;
}

interface Fixture {
  readonly name: string;
  readonly inputPath: string;
  readonly expectedPath: string;
  readonly left?: readonly LeftExpectation[];
  readonly error?: ErrorExpectation;
}

function fixturesOf(codemod: string): Fixture[] {
  const directory = path.join(fixturesRoot, codemod);
  return readdirSync(directory)
    .filter((name) => statSync(path.join(directory, name)).isDirectory())
    .sort()
    .map((name) => {
      const caseDirectory = path.join(directory, name);
      const files = readdirSync(caseDirectory);
      const input = files.find((file) => /^input\.[a-z]+$/.test(file));
      const expected = files.find((file) => /^expected\.[a-z]+$/.test(file));
      if (!input || !expected) throw new Error(`${codemod}/${name} needs an input and an expected file`);
      const json = <T,>(file: string): T | undefined => (files.includes(file) ? (JSON.parse(readFileSync(path.join(caseDirectory, file), 'utf8')) as T) : undefined);
      const left = json<LeftExpectation[]>('left.json');
      const error = json<ErrorExpectation>('error.json');
      return {
        name,
        inputPath: path.join(caseDirectory, input),
        expectedPath: path.join(caseDirectory, expected),
        ...(left ? { left } : {}),
        ...(error ? { error } : {}),
      };
    });
}

const linter = new Linter({ configType: 'flat', cwd: repoRoot });

/** What `unblock scan` reports on `source` as the file `filePath`. */
function scan(source: string, filePath: string): Linter.LintMessage[] {
  return linter.verify(source, scanConfig(recommendedScanRules()), filePath);
}

/** The API a report is about, in the codemods' vocabulary (`fs.readFileSync`, `spin loop`). */
function apiOf(message: Linter.LintMessage): string {
  if (message.messageId === 'spinLoop') return 'spin loop';
  return /^`([^`]+)`/.exec(message.message)?.[1] ?? message.message;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const describeSite = (site: SiteOutcome): string => `${site.line}:${site.column} ${site.api}${site.reason ? ` (${site.reason})` : ''}`;

// Whole-program codemods have folder fixtures and their own runner (tests/codemods/<name>.test.ts).
const PROGRAM_FOLDERS = new Set(PROGRAM_CODEMODS.map((codemod) => codemod.name));
const folders = readdirSync(fixturesRoot).filter((name) => !NOT_FIXTURES.has(name) && !PROGRAM_FOLDERS.has(name) && statSync(path.join(fixturesRoot, name)).isDirectory());

describe.each(folders)('%s fixtures', (folder) => {
  const codemod: Codemod | undefined = CODEMODS.find((candidate) => candidate.name === folder);

  it('names a codemod in the registry', () => {
    expect(codemod, `tests/codemods/${folder} has no codemod named ${folder} in codemods/registry.ts`).toBeDefined();
  });
  if (!codemod) return;
  const rules = new Set(RULES_OF[folder] ?? Object.keys(recommendedScanRules()).filter((rule) => rule !== 'unblock/no-transitive-blocking'));

  describe.each(fixturesOf(folder))('$name', (fixture) => {
    const input = readFileSync(fixture.inputPath, 'utf8');
    const expected = readFileSync(fixture.expectedPath, 'utf8');
    let result: FileResult | undefined;
    const run = (): FileResult => (result ??= codemod.transform(input, { filePath: fixture.inputPath }));

    if (fixture.error) {
      const error = fixture.error;
      it(`reports the file (${error.kind}) and gives no output`, () => {
        const outcome = run();
        expect(outcome.error?.kind).toBe(error.kind);
        if (error.line !== undefined) expect(outcome.error?.line).toBe(error.line);
        expect(outcome.output).toBeUndefined();
        expect(expected).toBe(input);
      });
      return;
    }

    it('gives the expected output', () => {
      const outcome = run();
      expect(outcome.error).toBeUndefined();
      expect(outcome.output ?? input).toBe(expected);
      // `output` is set exactly when something changed.
      expect(outcome.output === undefined).toBe(expected === input);
    });

    it('leaves exactly the expected sites, for the expected reasons', () => {
      const left = run().left;
      const wanted = fixture.left ?? [];
      expect(left.map(describeSite), 'sites left').toHaveLength(wanted.length);
      wanted.forEach((want, index) => {
        const site = left[index]!;
        expect({ line: site.line, api: site.api }).toEqual({ line: want.line, api: want.api });
        expect(site.reason ?? '').toContain(want.reason);
      });
      for (const site of left) expect(site.reason, describeSite(site)).toBeTruthy();
    });

    it('acts on exactly what the rules report on the input', () => {
      const outcome = run();
      const reports = scan(input, fixture.inputPath);
      expect(reports.filter((message) => message.fatal)).toEqual([]);
      const ours = reports.filter((message) => message.ruleId !== null && rules.has(message.ruleId));
      const sites = [...outcome.fixed, ...outcome.left];
      for (const site of sites) {
        const report = reports.find((message) => message.line === site.line && message.column === site.column && apiOf(message) === site.api);
        expect(report, `a report for ${describeSite(site)}`).toBeDefined();
      }
      for (const report of ours) {
        const site = sites.find((candidate) => candidate.line === report.line && candidate.column === report.column);
        expect(site, `a fixed or left site for the report at ${report.line}:${report.column}: ${report.message}`).toBeDefined();
      }
    });

    it('leaves nothing it fixed for the rules to report, and parses', () => {
      const outcome = run();
      if (outcome.output === undefined) return;
      const before = countBy(scan(input, fixture.inputPath), apiOf);
      const after = scan(outcome.output, fixture.expectedPath);
      expect(after.filter((message) => message.fatal)).toEqual([]);
      const afterCounts = countBy(after, apiOf);
      for (const [api, fixedCount] of countBy(outcome.fixed, (site) => site.api)) {
        expect(afterCounts.get(api) ?? 0, `reports of ${api} after the fix`).toBeLessThanOrEqual((before.get(api) ?? 0) - fixedCount);
      }
    });

    it('changes nothing on a second run', () => {
      const outcome = run();
      if (outcome.output === undefined) return;
      const again = codemod.transform(outcome.output, { filePath: fixture.expectedPath });
      expect(again.error).toBeUndefined();
      expect(again.output).toBeUndefined();
      expect(again.fixed.map(describeSite)).toEqual([]);
      // Reasons may name a line, which the first run's new imports moved.
      const reasons = (sites: readonly SiteOutcome[]): string[] => sites.map((site) => `${site.api}: ${(site.reason ?? '').replace(/line \d+/g, 'line N')}`);
      expect(reasons(again.left)).toEqual(reasons(outcome.left));
    });
  });
});

it('finds the fixture folders', () => {
  expect(folders).toContain('async-api');
  expect(existsSync(path.join(fixturesRoot, 'async-api'))).toBe(true);
});
