// The detector's text pre-filter (`couldReport`) lets the codemods skip the analysis of a file in
// which nothing can be found, and only check that it parses. These tests hold it to that:
// - it never rules out a file in which the detector finds a site (a blocking call, a spin loop,
//   an `Atomics.wait`), over every fixture input, the example service, fs-heavy packages and
//   cases written to slip past a text check;
// - each codemod's planner gives the same result with and without it;
// - the syntax check words a parse error exactly as the full parse does.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { planFile as planAsyncApi } from '../../codemods/async-api/plan.js';
import { planFile as planBusyWait } from '../../codemods/busy-wait/plan.js';
import { couldReport, mayCallBlockingApi, mayOffload } from '../../analysis/prefilter.js';
import { readSettings } from '../../analysis/settings.js';
import { checkSyntax, releaseDetector, withDetector } from '../../codemods/engine/detector.js';
import { runPlanner, type PlannedFile } from '../../codemods/engine/run-planner.js';
import { atomicsWaitCalls, isSpinLoop } from '../../analysis/busy-wait.js';
import { repoRoot } from '../helpers/lint.js';

const SOURCE = /\.[cm]?[jt]sx?$/;

function filesUnder(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const file = path.join(root, name);
    if (name === 'node_modules') return [];
    return statSync(file).isDirectory() ? filesUnder(file) : SOURCE.test(name) ? [file] : [];
  });
}

/** Every input of every codemod fixture (a file case's input.*, a program case's input/ folder). */
function fixtureInputs(): string[] {
  const root = path.join(repoRoot, 'tests', 'codemods');
  return filesUnder(root).filter((file) => {
    const relative = path.relative(root, file).split(path.sep);
    return relative.length >= 3 && (/^input\./.test(relative[2]!) || relative[2] === 'input');
  });
}

/** Packages under node_modules that use fs, child_process and friends throughout. */
const REAL_CODE = ['graceful-fs', 'send', 'serve-static', 'express/lib', 'cross-spawn', 'piscina/dist'].flatMap((name) =>
  filesUnder(path.join(repoRoot, 'node_modules', name)).slice(0, 40),
);

/** Each finds a site the detector reports, spelled so that a naive text check would miss it. */
const TRICKY: Readonly<Record<string, string>> = {
  'escaped-specifier.cjs': "const fs = require('f\\x73');\nasync function f() { return fs.readFileSync('a'); }\n",
  'unicode-specifier.mjs': "import fs from 'node:\\u0066s';\nexport async function f() { return fs.readFileSync('a'); }\n",
  'identity-escape.cjs': "const fs = require('f\\s');\nasync function f() { return fs.readFileSync('a'); }\n",
  'line-continuation.cjs': "const fs = require('f\\\ns');\nasync function f() { return fs.readFileSync('a'); }\n",
  'template-specifier.cjs': 'const cp = require(`child_process`);\nasync function f() { return cp.execSync("ls"); }\n',
  'builtin-module.mjs': "const fs = process.getBuiltinModule('node:fs');\nexport async function f() { return fs.statSync('a'); }\n",
  'create-require.mjs':
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst z = require('zlib');\nexport async function f(b) { return z.gzipSync(b); }\n",
  'dynamic-import.mjs': "export async function f() { const fs = await import('node:fs'); return fs.readFileSync('a'); }\n",
  'fs-extra.cjs': "const fse = require('fs-extra');\nasync function f() { fse.ensureDirSync('a'); }\n",
  'graceful-fs.cjs': "const gfs = require('graceful-fs');\nasync function f() { return gfs.readFileSync('a'); }\n",
  'import-equals.ts': "import fs = require('fs');\nexport async function f() { return fs.readFileSync('a'); }\n",
  'sqlite.mjs': "import { DatabaseSync } from 'node:sqlite';\nconst db = new DatabaseSync(':memory:');\nexport async function f() { return db.prepare('select 1').all(); }\n",
  'better-sqlite3.cjs': "const Database = require('better-sqlite3');\nconst db = new Database('a.db');\nasync function f() { return db.prepare('select 1').get(); }\n",
  'adm-zip.cjs': "const AdmZip = require('adm-zip');\nasync function f(file) { return new AdmZip(file); }\n",
  'sleep-package.cjs': "const sleep = require('atomic-sleep');\nasync function f() { sleep(100); }\n",
  'date-spin.mjs': 'export async function f(ms) { const end = Date.now() + ms; while (Date.now() < end) {} }\n',
  'new-date-spin.mjs': 'export async function f(end) { while (new Date().getTime() < end) {} }\n',
  'escaped-date-spin.mjs': 'export async function f(end) { while (D\\u0061te.now() < end) {} }\n',
  'performance-spin.mjs': 'export async function f(end) { while (performance.now() < end); }\n',
  'hrtime-spin.cjs': 'async function f(end) { for (;;) { if (process.hrtime.bigint() > end) break; } }\n',
  'atomics.mjs': 'export async function f() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); }\n',
  'no-extension': "const fs = require('fs');\nasync function f() { return fs.readFileSync('a'); }\n",
};

const trickyRoot = path.join(repoRoot, 'tests', 'codemods', '__tricky__');

interface Sample {
  readonly file: string;
  readonly source: string;
}

/** ESLint lints nothing under node_modules: the packages' files are checked under a path outside it. */
const realCodeRoot = path.join(repoRoot, 'tests', 'codemods', '__real__');

const samples: Sample[] = [
  ...[...fixtureInputs(), ...filesUnder(path.join(repoRoot, 'examples'))].map((file) => ({ file, source: readFileSync(file, 'utf8') })),
  ...REAL_CODE.map((file) => ({ file: path.join(realCodeRoot, path.relative(path.join(repoRoot, 'node_modules'), file)), source: readFileSync(file, 'utf8') })),
  // Under node_modules itself, neither the detector nor the syntax check looks at a file.
  ...REAL_CODE.slice(0, 3).map((file) => ({ file, source: readFileSync(file, 'utf8') })),
  ...Object.entries(TRICKY).map(([name, source]) => ({ file: path.join(trickyRoot, name), source })),
];

/** How many sites of any kind the detector finds, wherever they run; undefined when the file does not parse. */
function sitesIn({ file, source }: Sample): number | undefined {
  releaseDetector();
  const outcome = withDetector(source, file, ({ analysis, loops, sourceCode }) => {
    return analysis.sites.length + loops.filter((loop) => isSpinLoop(loop, sourceCode)).length + atomicsWaitCalls(sourceCode).length;
  });
  return outcome.ok ? outcome.value : undefined;
}

describe('the detector’s pre-filter', () => {
  it('has inputs to check', () => {
    expect(fixtureInputs().length).toBeGreaterThan(50);
    expect(REAL_CODE.length).toBeGreaterThan(20);
  });

  it('says "maybe" for every file in which the detector finds a site', { timeout: 120_000 }, () => {
    const missed: string[] = [];
    let withSites = 0;
    for (const sample of samples) {
      const sites = sitesIn(sample);
      if (sites === undefined || sites === 0) continue;
      withSites++;
      if (!couldReport(sample.source)) missed.push(path.relative(repoRoot, sample.file));
    }
    expect(missed).toEqual([]);
    expect(withSites).toBeGreaterThan(80);
  });

  it('is tested on cases where the detector does find a site', () => {
    for (const [name, source] of Object.entries(TRICKY)) {
      expect(sitesIn({ file: path.join(trickyRoot, name), source }), name).toBeGreaterThan(0);
    }
  });

  it('rules out files that name no blocking module and use no clock or Atomics', () => {
    expect(couldReport("import path from 'node:path';\nexport const f = (a) => path.join(a, 'fs.txt', `${a}/child_process`);\n")).toBe(false);
    expect(couldReport("const { readFile } = require('fs/promises');\nconst updated = 1;\n")).toBe(false);
    expect(couldReport("require('fs')")).toBe(true);
    expect(couldReport('import * as fs from "node:fs"')).toBe(true);
  });

  it('says "maybe" in its catalog-only form for every file in which the tracker finds a catalog call', { timeout: 120_000 }, () => {
    // The module graph asks mayCallBlockingApi before parsing a helper module for its summary.
    const missed: string[] = [];
    let withSites = 0;
    for (const sample of samples) {
      releaseDetector();
      const outcome = withDetector(sample.source, sample.file, ({ analysis }) => analysis.sites.length);
      if (!outcome.ok || outcome.value === 0) continue;
      withSites++;
      if (!mayCallBlockingApi(sample.source)) missed.push(path.relative(repoRoot, sample.file));
    }
    expect(missed).toEqual([]);
    expect(withSites).toBeGreaterThan(80);
  });

  it('in its catalog-only form, rules out a module named for what does not block, and the busy-wait clocks', () => {
    expect(mayCallBlockingApi("const fs = require('fs');\nexports.read = (file) => fs.promises.readFile(file);\n")).toBe(false);
    expect(mayCallBlockingApi("const { exec } = require('node:child_process');\nexports.run = (cmd, done) => exec(cmd, done);\n")).toBe(false);
    expect(mayCallBlockingApi("module.exports = new Sequelize({ dialect: 'sqlite', storage: 'db.sqlite' });\n")).toBe(false);
    expect(mayCallBlockingApi('export const stamp = () => Date.now();\n')).toBe(false);
    expect(couldReport('export const stamp = () => Date.now();\n')).toBe(true);
    // The module's own default export blocks or makes what blocks: naming it is enough.
    expect(mayCallBlockingApi("const DB = require('better-sqlite3');\nmodule.exports = new DB('a.db');\n")).toBe(true);
    expect(mayCallBlockingApi("const fs = require('fs');\nexports.read = (file) => fs.readFileSync(file);\n")).toBe(true);
    expect(mayCallBlockingApi("const fs = require('f\\x73');\nexports.read = (file) => fs['readFile\\x53ync'](file);\n")).toBe(true);
    // A module that settings.unblock.blockingApis adds counts whenever it is named.
    const settings = readSettings({ unblock: { blockingApis: [{ module: 'legacy-db', path: ['query'] }] } });
    expect(mayCallBlockingApi("const db = require('legacy-db');\n", settings)).toBe(true);
    expect(mayCallBlockingApi("const db = require('modern-db');\n", settings)).toBe(false);
  });

  it('in its offload form, says "maybe" for every way of offloading the tracker follows', () => {
    // offload-self-contained asks mayOffload before the file's analysis.
    const OFFLOADING: Readonly<Record<string, string>> = {
      'named.mjs': "import { offload } from '@unblock/runtime';\nexport const f = (n) => offload(() => n * 2);\n",
      'namespace.mjs': "import * as runtime from '@unblock/runtime';\nexport const f = (n) => runtime.offload(() => n * 2);\n",
      'require.cjs': "const { runInExecutor } = require('@unblock/runtime');\nexports.f = (n) => runInExecutor(undefined, () => n * 2);\n",
      'executor.mjs': "import { getDefaultExecutor } from '@unblock/runtime';\nconst pool = getDefaultExecutor();\nexport const f = (n) => pool.submit(() => n * 2);\n",
      'constructed.mjs': "import { ThreadPoolExecutor } from '@unblock/runtime';\nconst pool = new ThreadPoolExecutor();\nexport const f = (n) => pool.submit(() => n * 2);\n",
      'escaped.cjs': "const { offload } = require('@unblock/r\\x75ntime');\nexports.f = (n) => offload(() => n * 2);\n",
    };
    for (const [name, source] of Object.entries(OFFLOADING)) {
      releaseDetector();
      const outcome = withDetector(source, path.join(trickyRoot, name), ({ analysis }) => analysis.offloadCalls.length);
      expect(outcome.ok && outcome.value, name).toBe(1);
      expect(mayOffload(source), name).toBe(true);
    }
  });

  it('in its offload form, rules out files that do not name the runtime', () => {
    expect(mayOffload("import { offload } from '@unblock/runtime';\n")).toBe(true);
    expect(mayOffload('const { getDefaultExecutor } = require("@unblock/runtime");\n')).toBe(true);
    expect(mayOffload("import { offload } from './runtime.js';\nexport const offloaded = 1;\n")).toBe(false);
    expect(mayOffload("const fs = require('fs');\n")).toBe(false);
  });

  it('leaves each codemod’s result unchanged', { timeout: 300_000 }, () => {
    const plans: ReadonlyArray<readonly [string, (view: Parameters<typeof planAsyncApi>[0]) => PlannedFile]> = [
      ['async-api', planAsyncApi],
      ['busy-wait', planBusyWait],
    ];
    for (const { file, source } of samples) {
      for (const [name, plan] of plans) {
        releaseDetector();
        const filtered = runPlanner(source, file, plan);
        releaseDetector();
        const unfiltered = runPlanner(source, file, plan, { prefilter: false });
        expect(filtered, `${name} on ${path.relative(repoRoot, file)}`).toEqual(unfiltered);
      }
    }
  });
});

describe('the syntax check', () => {
  const broken: Readonly<Record<string, string>> = {
    'broken.js': 'export async function load() {\n  const x = ;\n}\n',
    'types-in.js': 'let x: number = 1;\n',
    'jsx-in.ts': 'const a = <div>hi</div>;\n',
    'generic-arrow.tsx': 'const f = <T>(x: T) => x;\n',
    'cast.cts': 'const a = <string>b;\nexport = a;\n',
    'cast.mts': 'const a = <string>b;\n',
    'top-return.cjs': 'return 1;\n',
    'top-return.mjs': 'return 1;\n',
    'top-await.cjs': 'await 1;\n',
    'top-await.js': 'await 1;\n',
    'with.mjs': 'with (a) {}\n',
    'with.cjs': 'with (a) {}\n',
    'octal.mjs': 'const a = 017;\n',
    'const-no-init.ts': 'const a;\n',
    'declare-init.ts': 'declare const a = 1;\nabstract class X { abstract m() {} }\n',
    'rest-not-last.js': 'function f(...a, b) {}\n',
    'bom-shebang.js': '\uFEFF#!/usr/bin/env node\nconst = 1;\n',
    'shebang.mjs': '#!/usr/bin/env node\nexport const a = 1;\n',
    'unterminated.ts': 'const s = "abc\n',
    'bad-regex.js': 'const r = /(/;\n',
    'dup-export.mjs': 'export const a = 1;\nexport { a };\n',
    'no-extension': 'const a = 1 +;\n',
    // Errors typescript-estree raises while converting the tree, not TypeScript while parsing.
    'for-of-init.js': 'for (const x = 1 of y) {}\n',
    'definite-init.ts': 'let x!: number = 1;\n',
    // The syntax check does not parse JSDoc: a broken one must not matter either way.
    'bad-jsdoc.js': '/** @type {<} */\nconst a = 1;\n/** @param {string */\nfunction f(b) {}\n',
    'bad-jsdoc-and-code.ts': '/** @returns {{ */\nconst a = ;\n',
    'fine.ts': 'export const a: number = 1;\n',
    'fine.jsx': 'export const A = () => <div />;\n',
  };

  it('answers what the full parse answers, in the same words and at the same place', () => {
    let failures = 0;
    for (const [name, source] of Object.entries(broken)) {
      const file = path.join(trickyRoot, name);
      releaseDetector();
      const syntax = checkSyntax(source, file);
      releaseDetector();
      const full = withDetector(source, file, () => true as const);
      expect(syntax, name).toEqual(full);
      if (!full.ok) failures++;
    }
    expect(failures).toBeGreaterThanOrEqual(10);
  });

  it('answers for the fixture inputs, the example service and the packages as the full parse does', { timeout: 120_000 }, () => {
    for (const { file, source } of samples) {
      releaseDetector();
      const syntax = checkSyntax(source, file);
      releaseDetector();
      expect(syntax, path.relative(repoRoot, file)).toEqual(withDetector(source, file, () => true as const));
    }
  });
});
