// `unblock fix` on a tree where most files have nothing to do with blocking: it loads into the
// whole-program codemod only the files that hold a blocking helper or call into one, with
// their importers, and still fixes (or keeps sync, for a sync caller outside the paths given)
// a helper across modules. Also: the phases and peak memory in --json, the heap guard.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { formatFixSummary } from '../../cli/fix/output.js';
import { programTooLarge } from '../../cli/fix/heap-guard.js';
import { fixExitCode, runFix } from '../../cli/fix/run.js';
import { selectCodemods } from '../../cli/fix/options.js';
import { makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const HARMLESS = 40;

/**
 * A service: a blocking helper, the route that awaits it from async code, the app that imports
 * the route; a config read once at start-up that every utility imports (a blocking call, but at
 * the top level: it blocks no caller); a clock that names `Date` (the text pre-filter's "maybe")
 * and blocks nothing; and HARMLESS utilities that import one another.
 */
function service(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'large-tree', type: 'module', private: true }),
    'src/lib/helper.js': "import fs from 'node:fs';\n\nexport function loadTemplate(name) {\n  return fs.readFileSync(`views/${name}.html`, 'utf8');\n}\n",
    'src/routes/page.js': "import { loadTemplate } from '../lib/helper.js';\n\nexport async function page(name) {\n  return loadTemplate(name).toUpperCase();\n}\n",
    'src/app.js': "import { page } from './routes/page.js';\n\nexport async function home() {\n  return page('home');\n}\n",
    'src/config.js': "import fs from 'node:fs';\n\nexport const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));\n",
    'src/util/clock.js': 'export function now() {\n  return Date.now();\n}\n',
  };
  for (let index = 0; index < HARMLESS; index++) {
    const next = `./u${(index + 1) % HARMLESS}.js`;
    files[`src/util/u${index}.js`] =
      `import { config } from '../config.js';\nimport { now } from './clock.js';\nimport * as next from '${next}';\n\nexport function u${index}(value) {\n  return [value, config.name, now(), Object.keys(next).length];\n}\n`;
  }
  return files;
}

interface Report {
  summary: { programFiles: number; sitesFixed: number };
  files: Array<{ file: string; fixed: Array<{ api: string }>; left: Array<{ api: string; reason?: string }> }>;
  phases: Record<string, number>;
  peakRssBytes: number;
  programTooLarge: unknown;
}

describe('unblock fix on a tree of mostly harmless files', () => {
  it('loads into the program only the blocking helper and the files that import it, and fixes the caller in the other module', async () => {
    const root = makeProject(service());
    roots.push(root);
    const result = await run(['fix', '--force', '--json'], root);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // helper.js (the seed), page.js (imports it), app.js (imports page.js): not the 40 utilities,
    // the start-up config or the clock.
    expect(report.summary.programFiles).toBe(3);
    expect(readFileSync(path.join(root, 'src/lib/helper.js'), 'utf8')).toMatch(/export async function loadTemplate/);
    expect(readFileSync(path.join(root, 'src/routes/page.js'), 'utf8')).toContain('(await loadTemplate(name)).toUpperCase()');
    expect(report.files.find((file) => file.file === 'src/routes/page.js')?.fixed.map((site) => site.api)).toEqual(['loadTemplate']);
  });

  it('keeps the helper sync when a script outside the paths given calls it from sync code', async () => {
    const warm = "import { loadTemplate } from '../src/lib/helper.js';\n\nexport function warmUp() {\n  return loadTemplate('home').length;\n}\n";
    const root = makeProject({ ...service(), 'scripts/warm.js': warm });
    roots.push(root);
    const result = await run(['fix', '--force', '--json', '--codemod', 'sync-callers', 'src'], root);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // The three of the first test, and the script, read as a caller.
    expect(report.summary.programFiles).toBe(4);
    expect(readFileSync(path.join(root, 'src/lib/helper.js'), 'utf8')).toMatch(/^export function loadTemplate/m);
    expect(readFileSync(path.join(root, 'scripts/warm.js'), 'utf8')).toBe(warm);
    expect(result.stderr).toMatch(/warm\.js:\d+/);
  });

  it('reports the time of each phase and the peak memory in --json', async () => {
    const root = makeProject(service());
    roots.push(root);
    const report = JSON.parse((await run(['fix', '--dry', '--json'], root)).stdout) as Report;
    expect(Object.keys(report.phases)).toEqual(['walk', 'analyse', 'program', 'rewrite', 'write']);
    for (const ms of Object.values(report.phases)) expect(Number.isInteger(ms) && ms >= 0).toBe(true);
    expect(Number.isInteger(report.peakRssBytes) && report.peakRssBytes > 0).toBe(true);
    expect(report.programTooLarge).toBeNull();
  });
});

describe('the heap guard', () => {
  it('does not load a program estimated not to fit, names the directory to fix first, keeps the per-file fixes and exits 1', async () => {
    const files: Record<string, string> = {
      ...service(),
      // A second caller in the same directory as page.js, and a per-file fix elsewhere.
      'src/routes/about.js': "import { loadTemplate } from '../lib/helper.js';\n\nexport async function about() {\n  return loadTemplate('about');\n}\n",
      'src/read.js': "import fs from 'node:fs';\n\nexport async function load() {\n  return fs.readFileSync('data.json', 'utf8');\n}\n",
    };
    const root = makeProject(files);
    roots.push(root);
    const run = await runFix({ paths: ['.'], cwd: root, ...(await selectCodemods([])), dry: false, force: true, heapGuard: { bytesPerSourceByte: 1e12 } });
    if (run.kind !== 'done') throw new Error('refused');
    const { report } = run;
    expect(report.programTooLarge).toMatchObject({ codemod: 'sync-callers', directory: 'src/routes', directoryFiles: 2 });
    expect(fixExitCode(report)).toBe(1);
    const summary = formatFixSummary(report);
    expect(summary).toContain('sync-callers was not run on part of the program');
    expect(summary).toContain('run `unblock fix src/routes` first');
    expect(summary).toContain('--shard');
    // The program's files are untouched; the per-file codemods' fix landed.
    expect(readFileSync(path.join(root, 'src/lib/helper.js'), 'utf8')).toBe(files['src/lib/helper.js']);
    expect(readFileSync(path.join(root, 'src/read.js'), 'utf8')).toContain('await readFile(');
  });

  it('lets a program through that fits the heap left', () => {
    const program = { codemod: 'sync-callers', editable: ['/p/src/a.js'], files: 2, sourceBytes: 1000 };
    const cost = { bytesPerSourceByte: 100, bytesPerFile: 500 };
    expect(programTooLarge(program, '/p', { ...cost, availableBytes: 101_001 })).toBeUndefined();
    expect(programTooLarge(program, '/p', { ...cost, availableBytes: 100_999 })).toMatchObject({ estimatedBytes: 101_000, directory: 'src', directoryFiles: 1 });
  });
});
