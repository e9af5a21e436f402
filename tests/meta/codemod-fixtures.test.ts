// Every codemod has fixtures, and every fixture is whole: codemods/<name>/ (other than the shared
// engine and the CLI) needs tests/codemods/<name>/<case>/ folders, each with one input and one
// expected file of the same extension. tests/codemods/fixtures.test.ts runs them. A case of a
// whole-program codemod is a program: input/ and expected/ folders holding the same files.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { codemodNames } from '../../codemods/registry.js';
import { repoRoot } from '../helpers/lint.js';

const codemodsRoot = path.join(repoRoot, 'codemods');
const fixturesRoot = path.join(repoRoot, 'tests', 'codemods');
/** Folders of codemods/ that are not codemods. */
const NOT_CODEMODS = new Set(['engine']);
/** Folders of tests/codemods/ that hold other tests. */
const NOT_FIXTURES = new Set(['behaviour']);
/** Files a case may hold besides its input and expected output. */
const CASE_EXTRAS = new Set(['left.json', 'error.json', 'package.json']);

const directories = (root: string): string[] => readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory());

const codemods = directories(codemodsRoot).filter((name) => !NOT_CODEMODS.has(name));
const fixtureFolders = directories(fixturesRoot).filter((name) => !NOT_FIXTURES.has(name));

/** Every file under `root`, as paths relative to it, sorted. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix))
    .flatMap((name) => {
      const relative = prefix === '' ? name : `${prefix}/${name}`;
      return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
    })
    .sort();
}

/** What is wrong with a program case: input/ and expected/ must hold the same, non-empty list of files. */
function programCaseProblems(files: readonly string[], inputFiles: readonly string[], expectedFiles: readonly string[]): string[] {
  const problems: string[] = [];
  if (inputFiles.length === 0) problems.push('input/ holds no files');
  const missing = inputFiles.filter((file) => !expectedFiles.includes(file));
  const extra = expectedFiles.filter((file) => !inputFiles.includes(file));
  if (missing.length > 0) problems.push(`expected/ lacks ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`expected/ has ${extra.join(', ')}, which input/ does not`);
  for (const file of files) {
    if (file !== 'input' && file !== 'expected' && !CASE_EXTRAS.has(file)) problems.push(`unexpected file ${file}`);
  }
  return problems;
}

/** What is wrong with one case folder, if anything. */
function caseProblems(files: readonly string[], folder?: string): string[] {
  if (folder !== undefined && files.includes('input') && statSync(path.join(folder, 'input')).isDirectory()) {
    const expectedFolder = path.join(folder, 'expected');
    if (!files.includes('expected') || !statSync(expectedFolder).isDirectory()) return ['an input/ folder and no expected/ folder'];
    return programCaseProblems(files, filesUnder(path.join(folder, 'input')), filesUnder(expectedFolder));
  }
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
    expect(caseProblems(readdirSync(path.join(fixturesRoot, name)), path.join(fixturesRoot, name))).toEqual([]);
  });

  it('tells an unpaired or mismatched case apart', () => {
    expect(caseProblems(['input.js', 'expected.js', 'left.json'])).toEqual([]);
    expect(caseProblems(['input.js'])).toEqual(['no expected file']);
    expect(caseProblems(['expected.ts'])).toEqual(['no input file']);
    expect(caseProblems(['input.js', 'expected.mjs'])).toEqual(['input.js and expected.mjs differ in extension']);
    expect(caseProblems(['input.js', 'expected.js', 'notes.txt'])).toEqual(['unexpected file notes.txt']);
  });

  it('tells a mismatched program case apart', () => {
    expect(programCaseProblems(['input', 'expected', 'left.json'], ['a.js', 'package.json'], ['a.js', 'package.json'])).toEqual([]);
    expect(programCaseProblems(['input', 'expected'], ['a.js', 'b.js'], ['a.js'])).toEqual(['expected/ lacks b.js']);
    expect(programCaseProblems(['input', 'expected'], ['a.js'], ['a.js', 'c.js'])).toEqual(['expected/ has c.js, which input/ does not']);
    expect(programCaseProblems(['input', 'expected', 'notes.txt'], [], [])).toEqual(['input/ holds no files', 'unexpected file notes.txt']);
  });
});
