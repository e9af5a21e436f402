// `npm test` is the quick edit-test loop and `npm run test:slow` the long trials; CI runs both.
// This holds the split together: every test file runs in exactly one of them, the slow list names
// files that exist, and the README and .ci/run say and do what the scripts do.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { globbySync } from 'globby';
import { describe, expect, it } from 'vitest';

import { SLOW_TESTS } from '../../vitest.config.js';
import { repoRoot } from '../helpers/lint.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const testFiles = globbySync('tests/**/*.test.ts', { cwd: repoRoot, ignore: ['**/node_modules/**'] }).map((file) => file.split(path.sep).join('/'));
const slowFiles = new Set(SLOW_TESTS.flatMap((pattern) => globbySync(pattern, { cwd: repoRoot }).map((file) => file.split(path.sep).join('/'))));

describe('the fast and slow test suites', () => {
  it('npm test runs the fast projects and npm run test:slow the slow one, both after a build check', () => {
    expect(manifest.scripts.test).toBe("vitest run --project 'fast*'");
    expect(manifest.scripts['test:slow']).toBe('vitest run --project slow');
    expect(manifest.scripts['pretest:slow']).toBe(manifest.scripts.pretest);
  });

  it('names only files that exist as slow, among them the long trials', () => {
    for (const pattern of SLOW_TESTS) expect(globbySync(pattern, { cwd: repoRoot }), pattern).not.toEqual([]);
    for (const trial of ['tests/robustness/fix-kill.test.ts', 'tests/robustness/fix-real-code.test.ts', 'tests/e2e/demo.test.ts', 'tests/codemods/sync-callers-trials.test.ts']) {
      expect(slowFiles.has(trial), trial).toBe(true);
    }
    // The rest is the fast suite: most of the tests, and every rule's.
    expect(testFiles.filter((file) => !slowFiles.has(file)).length).toBeGreaterThan(50);
    expect(testFiles.filter((file) => file.startsWith('tests/rules/') && slowFiles.has(file))).toEqual([]);
  });

  it('is run in full by CI and explained in the README', () => {
    const ci = readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
    expect(ci.indexOf('npm test')).toBeGreaterThan(-1);
    expect(ci.indexOf('npm run test:slow')).toBeGreaterThan(ci.indexOf('npm test'));
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('npm run test:slow # the long trials');
    expect(readme).toMatch(/npm test {10}# the fast suite \(under 2 minutes on 2 CPUs\)/);
  });
});
