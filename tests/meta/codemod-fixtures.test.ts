// Every codemod has fixtures, and every fixture is whole: codemods/<name>/ (other than the shared
// engine and the CLI) needs tests/codemods/<name>/<case>/ folders, each with one input and one
// expected file of the same extension. tests/codemods/fixtures.test.ts runs them.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { codemodNames } from '../../codemods/registry.js';
import { repoRoot } from '../helpers/lint.js';

const codemodsRoot = path.join(repoRoot, 'codemods');
const fixturesRoot = path.join(repoRoot, 'tests', 'codemods');
/** Folders of codemods/ that are not codemods. */
const NOT_CODEMODS = new Set(['engine', 'cli']);
/** Folders of tests/codemods/ that hold other tests. */
const NOT_FIXTURES = new Set(['behaviour']);
/** Files a case may hold besides its input and expected output. */
const CASE_EXTRAS = new Set(['left.json', 'error.json', 'package.json']);

const directories = (root: string): string[] => readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory());

const codemods = directories(codemodsRoot).filter((name) => !NOT_CODEMODS.has(name));
const fixtureFolders = directories(fixturesRoot).filter((name) => !NOT_FIXTURES.has(name));

/** What is wrong with one case folder, if anything. */
function caseProblems(files: readonly string[]): string[] {
  const problems: string[] = [];
  const inputs = files.filter((file) => /^input\./.test(file));
  const expected = files.filter((file) => /^expected\./.test(file));
  if (inputs.length === 0) problems.push('no input file');
  if (expected.length === 0) problems.push('no expected file');
  if (inputs.length > 1) problems.push(`several input files: ${inputs.join(', ')}`);
  if (expected.length > 1) problems.push(`several expected files: ${expected.join(', ')}`);
  const [input] = inputs;
  const [output] = expected;
  if (inputs.length === 1 && expected.length === 1 && input!.slice('input'.length) !== output!.slice('expected'.length)) {
    problems.push(`${input} and ${output} differ in extension`);
  }
  for (const file of files) {
    if (!/^(input|expected)\./.test(file) && !CASE_EXTRAS.has(file)) problems.push(`unexpected file ${file}`);
  }
  return problems;
}

describe('codemod fixtures', () => {
  it('finds the codemods', () => {
    expect(codemods).toContain('async-api');
  });

  it.each(codemods)('codemods/%s has a transform, a README, a registry entry and fixtures', (name) => {
    expect(existsSync(path.join(codemodsRoot, name, 'transform.ts')), `codemods/${name}/transform.ts`).toBe(true);
    expect(existsSync(path.join(codemodsRoot, name, 'README.md')), `codemods/${name}/README.md`).toBe(true);
    expect(codemodNames(), 'codemods/registry.ts').toContain(name);
    const folder = path.join(fixturesRoot, name);
    expect(existsSync(folder), `tests/codemods/${name}/`).toBe(true);
    expect(directories(folder).length, `cases in tests/codemods/${name}/`).toBeGreaterThan(0);
  });

  it.each(fixtureFolders)('tests/codemods/%s belongs to a codemod', (folder) => {
    expect(codemods, `codemods/${folder}/`).toContain(folder);
  });

  const cases = fixtureFolders.flatMap((folder) => directories(path.join(fixturesRoot, folder)).map((name) => `${folder}/${name}`));
  it.each(cases)('tests/codemods/%s pairs one input with one expected output', (name) => {
    expect(caseProblems(readdirSync(path.join(fixturesRoot, name)))).toEqual([]);
  });

  it('tells an unpaired or mismatched case apart', () => {
    expect(caseProblems(['input.js', 'expected.js', 'left.json'])).toEqual([]);
    expect(caseProblems(['input.js'])).toEqual(['no expected file']);
    expect(caseProblems(['expected.ts'])).toEqual(['no input file']);
    expect(caseProblems(['input.js', 'expected.mjs'])).toEqual(['input.js and expected.mjs differ in extension']);
    expect(caseProblems(['input.js', 'expected.js', 'notes.txt'])).toEqual(['unexpected file notes.txt']);
  });
});
