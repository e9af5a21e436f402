#!/usr/bin/env node
// bench/codemod: how fast `unblock fix` runs its per-file codemods beside a jscodeshift transform
// that does nothing (parse, print), over the lint benchmark's corpus of real server code.
// Each round runs every file through each contender back to back, in alternating order, so that
// a burst of load on a shared host lands on both; the figure is the median over rounds of the
// ratio of files per second. Peak memory comes from one process per contender.
// Target: the codemods' rate ≥ 0.67 × the no-op's.
//
//   node bench/codemod/index.mjs [--rounds N] [--files N | --quick] [--json]
//
// The codemods run in-process from dist/ (`npm run build` first), as `unblock fix --dry` runs
// them: nothing is written. `codemods, no pre-filter` analyses every file, to show what the text
// pre-filter saves on this corpus; it is not the target's subject.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadCorpus } from '../lint/corpus.mjs';
import { BASELINE, CONTENDERS, SUBJECT, prefilterPasses } from './contenders.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    files: { type: 'string', default: '2000' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const rounds = values.quick ? 3 : positiveInteger('rounds', values.rounds);
const limit = values.quick ? 400 : positiveInteger('files', values.files);
const TARGET = 0.67;

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer; received ${JSON.stringify(text)}`);
  return value;
}

const corpus = await loadCorpus(limit);
const bytes = corpus.reduce((sum, { code }) => sum + code.length, 0);
const names = Object.keys(CONTENDERS);
const runs = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await CONTENDERS[name]()])));

/** One pass over the corpus, every file through each contender back to back. */
function runInterleaved(round) {
  const ns = Object.fromEntries(names.map((name) => [name, 0n]));
  const stats = Object.fromEntries(names.map((name) => [name, { failed: 0, changed: 0, fixed: 0, left: 0 }]));
  corpus.forEach((file, index) => {
    // Rotate the order so that each contender runs first, in the middle and last equally often.
    const shift = (index + round) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const start = process.hrtime.bigint();
      const result = runs[name](file);
      ns[name] += process.hrtime.bigint() - start;
      const stat = stats[name];
      if (result.failed) stat.failed++;
      if (result.output !== undefined && result.output !== file.code) stat.changed++;
      stat.fixed += result.fixed ?? 0;
      stat.left += result.left ?? 0;
    }
  });
  return Object.fromEntries(names.map((name) => [name, { ms: Number(ns[name]) / 1e6, ...stats[name] }]));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

// A warm-up round: JIT, parser caches and the module graph settle before timing.
const warm = runInterleaved(0);
/** Per contender, per round: its rate over the no-op's (files/s ÷ files/s = no-op time ÷ its time). */
const ratios = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 1; round <= rounds; round++) {
  const result = runInterleaved(round);
  for (const name of names) ratios[name].push(result[BASELINE].ms / result[name].ms);
}

/** Peak memory: each contender alone in a fresh process, over the same files. */
function memoryOf(name) {
  const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'memory-run.mjs'), name, String(limit)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`memory run of ${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}
const memory = Object.fromEntries(names.map((name) => [name, memoryOf(name)]));

const passed = await prefilterPasses(corpus);
const ratio = median(ratios[SUBJECT]);
const report = {
  files: corpus.length,
  bytes,
  rounds,
  prefilterPasses: passed,
  target: TARGET,
  ratio,
  met: ratio >= TARGET,
  contenders: Object.fromEntries(
    names.map((name) => [
      name,
      {
        rateRatio: median(ratios[name]),
        rateRatios: ratios[name],
        peakRssMb: memory[name].maxRssMb,
        peakRssRatio: memory[name].maxRssMb / memory[BASELINE].maxRssMb,
        // What the warm-up round made of the corpus (its `ms` is that round's, for reference only).
        warmup: warm[name],
      },
    ]),
  ),
};

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  console.log(
    `bench/codemod: ${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, each file through every contender back to back; ` +
      `the pre-filter sent ${passed} files (${((passed / corpus.length) * 100).toFixed(0)}%) to the analysis`,
  );
  console.table(
    Object.fromEntries(
      names.map((name) => {
        const list = ratios[name];
        const row = report.contenders[name];
        return [
          name,
          {
            'files/s ratio to no-op': row.rateRatio.toFixed(3),
            'range of ratios': `${Math.min(...list).toFixed(3)}–${Math.max(...list).toFixed(3)}`,
            'peak RSS MiB': row.peakRssMb.toFixed(0),
            'RSS ratio to no-op': row.peakRssRatio.toFixed(2),
            'failed files': row.warmup.failed,
            'files changed': row.warmup.changed,
          },
        ];
      }),
    ),
  );
  const subject = report.contenders[SUBJECT].warmup;
  console.log(
    `codemods fixed ${subject.fixed} sites and left ${subject.left}; a failed file is one that did not parse (for the codemods, any failure); ` +
      'the no-op’s changed files are ones recast does not print back byte for byte',
  );
  console.log(`${SUBJECT} / ${BASELINE} files/s = ${ratio.toFixed(3)} (target ≥ ${TARGET})`);
}
// Under `npm run bench`, the rows of its summary table.
if (process.env.UNBLOCK_BENCH_SUMMARY) {
  const rss = report.contenders[SUBJECT].peakRssRatio;
  const rows = [
    { measure: `files/s, ${SUBJECT}`, ratio, baseline: BASELINE, target: `≥ ${TARGET}`, met: ratio >= TARGET },
    { measure: `peak RSS, ${SUBJECT}`, ratio: rss, baseline: `${BASELINE}, each in its own process`, target: '—', met: null },
  ];
  writeFileSync(process.env.UNBLOCK_BENCH_SUMMARY, JSON.stringify(rows));
}
export const result = report;
