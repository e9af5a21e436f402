// `unblock fix --force` on copies of real code — the Express and Koa stacks from node_modules, a
// spread-out sample of every installed package, the example service — and on TypeScript projects
// type-checked before and after. Every rewritten file must parse, the report must match the bytes
// on disk, a second run must change nothing, and tsc must find nothing new.
// The heavy version (more packages, packages' own test suites, npm tarballs) is `npm run robustness:fix`.

import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { nodeModulesSources, repoRoot, sample } from '../../scripts/robustness/corpus.js';
import { checkFixRun, copyPackage, fixCheckProblems, inProcessRunner, neutralPath, newErrors, tempDir, typeErrors } from '../../scripts/robustness/fix-harness.js';
import { writeGeneratedProject } from '../../scripts/robustness/fix-templates.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

/** Server packages whose sources are small enough to fix twice in CI. */
const PACKAGES = ['express', 'router', 'body-parser', 'send', 'serve-static', 'finalhandler', 'koa', '@koa/router'];

const STRICT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['src/**/*.ts'],
};

describe('unblock fix on real code', () => {
  it('rewrites real packages, a node_modules sample and the example service: all parse, a second run changes nothing', async () => {
    const root = scratch('real');
    const reports = scratch('real-reports');
    for (const name of PACKAGES) copyPackage(path.join(repoRoot, 'node_modules', name), path.join(root, name), true);
    copyPackage(path.join(repoRoot, 'examples', 'express-service'), path.join(root, 'express-service'));
    for (const file of sample(await nodeModulesSources(), 60, 7)) {
      const target = path.join(root, 'sample', neutralPath(path.relative(repoRoot, file)));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }

    const check = await checkFixRun('real', root, inProcessRunner, reports);
    expect(fixCheckProblems(check)).toEqual([]);
    expect(check.filesChecked).toBeGreaterThan(100);
    // The example service blocks on purpose: there is always something to rewrite.
    expect(check.rewritten).toBeGreaterThan(0);
  }, 180_000);

  it('leaves a generated TypeScript service with no new tsc errors', async () => {
    const root = scratch('ts-generated');
    writeGeneratedProject(root, { count: 16, kinds: ['service-ts', 'tools-ts'], maxPaddingLines: 10 });
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG, null, 2));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');

    const before = typeErrors(root);
    const check = await checkFixRun('ts-generated', root, inProcessRunner, scratch('ts-reports'));
    expect(fixCheckProblems(check)).toEqual([]);
    expect(check.rewritten).toBe(16);
    expect(before).toEqual([]);
    expect(newErrors(before, typeErrors(root))).toEqual([]);
  }, 120_000);

  it('leaves the TypeScript service fixture with no new tsc errors', async () => {
    const root = scratch('ts-service');
    copyPackage(path.join(repoRoot, 'tests', 'e2e', 'fixtures', 'ts-service'), root);
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');

    const before = typeErrors(root);
    const check = await checkFixRun('ts-service', root, inProcessRunner, scratch('ts-service-reports'));
    expect(fixCheckProblems(check)).toEqual([]);
    expect(check.rewritten).toBeGreaterThan(0);
    expect(newErrors(before, typeErrors(root))).toEqual([]);
  }, 120_000);

  // Found here (docs/robustness.md, finding 2): when `fs/promises` was destructured in a `const`
  // with more than one declarator (eslint/lib/cli.js does this), the rewrite called `access` and
  // `readFile` without adding them to the pattern, which threw a ReferenceError at run time.
  it('a rewrite defines every name it uses when fs/promises is destructured in a multi-declarator const', async () => {
    const root = scratch('finding-multi-declarator');
    const file = path.join(root, 'load.cjs');
    cpSync(path.join(import.meta.dirname, 'fixtures', 'fix-findings', 'multi-declarator-require.cjs'), file);

    const check = await checkFixRun('multi-declarator', root, inProcessRunner, scratch('finding-reports'));
    expect(check.rewritten).toBe(1);
    expect(check.newUndefined).toEqual([]);
    const { load } = createRequire(import.meta.url)(file) as { load: (file: string) => Promise<string | undefined> };
    await expect(load(file)).resolves.toBe(readFileSync(file, 'utf8'));
  }, 60_000);
});
