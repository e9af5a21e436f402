#!/usr/bin/env node
// bench/lint/cold: what the recommended rules cost on a whole tree, linted once from a cold start
// as `eslint .` does: each file once, the module graph empty at the start, so that following
// helpers into other modules is paid in full. Each config runs in a fresh Node process with the
// default heap, alternating which goes first; the figure is the median of the ratios of CPU time
// (user + system), which a shared host's other load moves far less than wall time. With
// --together the two configs of a round run at the same time, one per CPU, so that both meet the
// same load from the rest of the host: on a shared 2-CPU VM that spread the ratios over ±4 %
// rather than ±15 %. Each then competes with the other for memory and caches, so the two ways
// are not the same measure; docs/performance.md gives both.
//
// Trees: a real service given with --service <dir> (the tree the target is for), the corpus
// packages copied to .bench-corpus/ (real relative imports, on disk), and a generated service of
// --generated files (default 5,000): route modules calling helpers across modules, 1% of them
// blocking, tiny files, so the worst case for per-file costs. Target: recommended ≤ 1.25 ×
// parse-only; the 5,000-file tree lints with the default heap (a crash there fails the bench).
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { loadCorpus } from './corpus.mjs';
import { writeGeneratedService } from './generated-service.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    files: { type: 'string', default: '2000' },
    generated: { type: 'string', default: '5000' },
    // A real service checked out on disk (its own node_modules are skipped): the figure the target is for.
    service: { type: 'string' },
    quick: { type: 'boolean', default: false },
    together: { type: 'boolean', default: false },
  },
});
const runs = values.quick ? 1 : Number(values.runs);
const work = path.join(os.tmpdir(), `unblock-bench-cold-${process.pid}`);
mkdirSync(work, { recursive: true });
process.once('exit', () => rmSync(work, { recursive: true, force: true }));

const corpus = (await loadCorpus(values.quick ? 600 : Number(values.files))).map(({ file }) => file);
const generated = writeGeneratedService(path.join(work, 'service'), values.quick ? 2000 : Number(values.generated));
const trees = [['corpus packages', corpus], ['generated service', generated]];
if (values.service) {
  const { globby } = await import('globby');
  const files = await globby('**/*.{js,mjs,cjs,ts,mts,cts}', { cwd: values.service, absolute: true, gitignore: true, ignore: ['**/node_modules/**', '**/*.d.ts', '**/dist/**', '**/build/**', '**/*.min.js'] });
  trees.unshift([`service ${path.basename(path.resolve(values.service))}`, files.sort()]);
}

const coldRunArgs = (config, files) => {
  const list = path.join(work, 'files.json');
  writeFileSync(list, JSON.stringify(files));
  return [path.join(import.meta.dirname, 'cold-run.mjs'), config, list];
};
const lastLine = (out) => JSON.parse(out.trim().split('\n').at(-1));

function coldRun(config, files) {
  return lastLine(execFileSync(process.execPath, coldRunArgs(config, files), { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/** Both configs at once, each in its own process: `{ [config]: result }`. */
async function coldRunsTogether(configs, files) {
  const args = configs.map((config) => coldRunArgs(config, files));
  const outputs = await Promise.all(args.map((each) => promisify(execFile)(process.execPath, each, { encoding: 'utf8', maxBuffer: 1 << 24 })));
  return Object.fromEntries(configs.map((config, index) => [config, lastLine(outputs[index].stdout)]));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const TARGET = 1.25;
const rows = {};
const summary = [];
for (const [name, files] of trees) {
  const ratios = [];
  let last;
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['parse-only', 'recommended'] : ['recommended', 'parse-only'];
    const result = values.together ? await coldRunsTogether(order, files) : Object.fromEntries(order.map((config) => [config, coldRun(config, files)]));
    ratios.push(result.recommended.cpuMs / result['parse-only'].cpuMs);
    last = result;
  }
  const ratio = median(ratios);
  rows[`${name} (${files.length} files)`] = {
    'parse-only CPU ms': last['parse-only'].cpuMs.toFixed(0),
    'recommended CPU ms': last.recommended.cpuMs.toFixed(0),
    'CPU ratio (median)': ratio.toFixed(3),
    'recommended RSS MB': last.recommended.rssMB.toFixed(0),
    reports: last.recommended.reports,
    crashes: last.recommended.crashes,
  };
  summary.push({ measure: `cold lint, recommended, ${name} (${files.length} files)`, ratio, baseline: 'parse-only', target: `≤ ${TARGET.toFixed(2)}`, met: ratio <= TARGET });
}
console.log(`bench/lint/cold: each tree linted once per run in a fresh process with the default heap; ${runs} run(s)${values.together ? ', both configs of a run at the same time' : ''}`);
console.table(rows);
for (const row of summary) console.log(`${row.measure}: ${row.ratio.toFixed(3)} × parse-only (target ${row.target})`);
if (process.env.UNBLOCK_BENCH_SUMMARY) writeFileSync(process.env.UNBLOCK_BENCH_SUMMARY, JSON.stringify(summary));
