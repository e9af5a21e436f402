#!/usr/bin/env node
// bench/lint/cold: what the recommended rules cost on a whole tree, linted once from a cold start
// as `eslint .` does: each file once, the module graph empty at the start, so that following
// helpers into other modules is paid in full. Each config runs in a fresh Node process with the
// default heap, alternating which goes first; the figure is the median of the ratios of CPU time
// (user + system), which a shared host's other load moves far less than wall time. With
// --together the two configs of a round run at the same time, one per CPU, so that both meet the
// same load from the rest of the host: on a shared 2-CPU VM that spread the ratios over ±4 %
// rather than ±15 %. Each then competes with the other for memory and caches, so the two ways
// are not the same measure; docs/performance.md gives both. With --instructions each config runs
// once per round under valgrind's callgrind (instructions.mjs), both at once: the ratio is then of
// instructions executed, which the host's other load does not move (about 2 % from V8's own
// timing), at 40–80 times the run time.
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
import { countInstructions, hasValgrind } from './instructions.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    files: { type: 'string', default: '2000' },
    generated: { type: 'string', default: '5000' },
    // A real service checked out on disk (its own node_modules are skipped): the figure the target is for.
    service: { type: 'string' },
    quick: { type: 'boolean', default: false },
    together: { type: 'boolean', default: false },
    instructions: { type: 'boolean', default: false },
    // Which trees: any of service, corpus, generated (default: all there are).
    trees: { type: 'string', default: 'service,corpus,generated' },
  },
});
const wanted = new Set(values.trees.split(','));
const unknownTree = [...wanted].find((tree) => !['service', 'corpus', 'generated'].includes(tree));
if (unknownTree) {
  console.error(`bench/lint/cold: --trees takes service, corpus and generated, comma-separated (got "${unknownTree}")`);
  process.exit(2);
}
if (values.instructions && !hasValgrind()) {
  console.error('bench/lint/cold: --instructions counts with valgrind, which is not on the PATH (Debian: apt-get install valgrind)');
  process.exit(2);
}
const runs = values.quick ? 1 : Number(values.runs);
const work = path.join(os.tmpdir(), `unblock-bench-cold-${process.pid}`);
mkdirSync(work, { recursive: true });
process.once('exit', () => rmSync(work, { recursive: true, force: true }));

const trees = [];
if (wanted.has('corpus')) trees.push(['corpus packages', (await loadCorpus(values.quick ? 600 : Number(values.files))).map(({ file }) => file)]);
if (wanted.has('generated')) trees.push(['generated service', writeGeneratedService(path.join(work, 'service'), values.quick ? 2000 : Number(values.generated))]);
if (values.service && wanted.has('service')) {
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

/** Both configs at once under callgrind: `{ [config]: result }`, each result with its `instructions`. */
async function countedRuns(configs, files) {
  const counted = await Promise.all(configs.map((config) => countInstructions(coldRunArgs(config, files))));
  return Object.fromEntries(configs.map((config, index) => [config, { ...lastLine(counted[index].stdout), instructions: counted[index].instructions }]));
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
    let result;
    if (values.instructions) result = await countedRuns(order, files);
    else if (values.together) result = await coldRunsTogether(order, files);
    else result = Object.fromEntries(order.map((config) => [config, coldRun(config, files)]));
    const measure = values.instructions ? 'instructions' : 'cpuMs';
    ratios.push(result.recommended[measure] / result['parse-only'][measure]);
    last = result;
  }
  const ratio = median(ratios);
  const unit = values.instructions ? 'instructions (G)' : 'CPU ms';
  const amount = (result) => (values.instructions ? (result.instructions / 1e9).toFixed(2) : result.cpuMs.toFixed(0));
  rows[`${name} (${files.length} files)`] = {
    [`parse-only ${unit}`]: amount(last['parse-only']),
    [`recommended ${unit}`]: amount(last.recommended),
    [`${values.instructions ? 'instruction' : 'CPU'} ratio (median)`]: ratio.toFixed(3),
    'recommended RSS MB': last.recommended.rssMB.toFixed(0),
    reports: last.recommended.reports,
    crashes: last.recommended.crashes,
  };
  summary.push({ measure: `cold lint, recommended, ${name} (${files.length} files)${values.instructions ? ', instructions' : ''}`, ratio, baseline: 'parse-only', target: `≤ ${TARGET.toFixed(2)}`, met: ratio <= TARGET });
}
const how = values.instructions ? ', both configs of a run at the same time under callgrind, instructions counted' : values.together ? ', both configs of a run at the same time' : '';
console.log(`bench/lint/cold: each tree linted once per run in a fresh process with the default heap; ${runs} run(s)${how}`);
console.table(rows);
for (const row of summary) console.log(`${row.measure}: ${row.ratio.toFixed(3)} × parse-only (target ${row.target})`);
if (process.env.UNBLOCK_BENCH_SUMMARY) writeFileSync(process.env.UNBLOCK_BENCH_SUMMARY, JSON.stringify(summary));
