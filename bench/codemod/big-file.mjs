#!/usr/bin/env node
// bench/codemod/big-file: whether `unblock fix` grows linearly with the sites in one file. The same
// generated file with n and with 4n blocking reads (each in its own async function) goes through
// `unblock fix --dry` in turn, round after round in alternating order; the figure is the median
// ratio of the two times. Linear is 4; before the rewriter kept a journal and positions followed
// the edits instead of a line diff, it was about 6.4 (1,250 sites 5.7 s, 5,000 sites 36.6 s).
// Target: ≤ 5.
//
//   node bench/codemod/big-file.mjs [--sites N | --quick] [--rounds N]
//
// Runs from dist/ (`npm run build` first), in-process, writing nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
  },
});
const sites = values.quick ? 500 : Number(values.sites);
const rounds = Number(values.rounds);
if (!Number.isInteger(sites) || sites < 1) throw new Error(`--sites must be a positive integer; received ${JSON.stringify(values.sites)}`);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer; received ${JSON.stringify(values.rounds)}`);
const TARGET = 5;

const dist = path.resolve(import.meta.dirname, '../../dist/cli/fix');
const { runFix } = await import(path.join(dist, 'run.js'));
const { selectCodemods } = await import(path.join(dist, 'options.js'));

const workspace = mkdtempSync(path.join(os.tmpdir(), 'unblock-big-file-'));
process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));

/** A directory holding one file with `count` blocking reads, each in an async function of its own. */
function project(count) {
  const directory = path.join(workspace, String(count));
  mkdirSync(directory);
  const body = Array.from({ length: count }, (_, index) => `export async function read${index}(p) {\n  const text = fs.readFileSync(p, 'utf8');\n  return text.length;\n}\n`);
  writeFileSync(path.join(directory, 'big.mjs'), `import fs from 'node:fs';\n\n${body.join('\n')}`);
  return directory;
}

const sizes = [sites, 4 * sites];
const directories = sizes.map(project);
async function time(directory) {
  const start = process.hrtime.bigint();
  const run = await runFix({ paths: [directory], cwd: workspace, ...selectCodemods([]), dry: true, force: true });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.kind !== 'done' || run.report.files[0]?.fixed.length === 0) throw new Error('the fix did not run');
  return seconds;
}

await time(directories[0]); // warm-up: module loading and the first parse
const ratios = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [0, 1] : [1, 0];
  const seconds = [];
  for (const index of order) seconds[index] = await time(directories[index]);
  ratios.push(seconds[1] / seconds[0]);
  console.log(`round ${round + 1}: ${sizes[0]} sites ${seconds[0].toFixed(2)} s, ${sizes[1]} sites ${seconds[1].toFixed(2)} s, ratio ${(seconds[1] / seconds[0]).toFixed(2)}`);
}
ratios.sort((a, b) => a - b);
const ratio = Number(ratios[Math.floor(ratios.length / 2)].toFixed(2));
const met = ratio <= TARGET;
console.log(`\nunblock fix --dry, ${sizes[1]} sites / ${sizes[0]} sites in one file = ${ratio} (linear: 4; target ≤ ${TARGET}) ${met ? 'yes' : 'NO'}`);
if (process.env.UNBLOCK_BENCH_SUMMARY) {
  writeFileSync(
    process.env.UNBLOCK_BENCH_SUMMARY,
    JSON.stringify([{ measure: `fix --dry time, ${sizes[1]} sites in one file`, ratio, baseline: `${sizes[0]} sites in one file`, target: `≤ ${TARGET} (4 = linear)`, met }]),
  );
}
