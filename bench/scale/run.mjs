#!/usr/bin/env node
// bench/scale: what `unblock scan` and `unblock fix --dry` cost in wall time and peak RSS as a
// tree grows, each run of the built CLI (dist/cli/bin.js) a child process of its own, on
// generated service trees (generate.mjs) and, on request, on real ones.
//
//   node bench/scale/run.mjs                          2,000 and 10,000 generated files
//   node bench/scale/run.mjs --sizes 2000,10000,20000 the full run
//   node bench/scale/run.mjs --quick                  2,000 files only
//   node bench/scale/run.mjs --real 2000              also 2,000 files of real packages (real-tree.mjs)
//   node bench/scale/run.mjs --tree <dir>             also an existing tree, e.g. a checkout
//   --runs N (each mode N times, medians), --seed S, --markdown (the table as Markdown),
//   --modes 'scan (1 thread),fix --dry' (only these), --bin <other build's dist/cli/bin.js>
//
// Modes (modes.mjs): scan on one thread, scan --concurrency auto, scan --cache cold then warm,
// fix --dry; a mode whose flags the build lacks is printed "n/a (flag not available)". A run that
// crashes (out of memory) is a result, not a failure of the bench: its row says so, with the time
// and peak RSS it took to crash. With UNBLOCK_BENCH_SUMMARY set (bench/run.mjs), it writes its
// summary rows there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { cliOptions } from './flags.mjs';
import { generateTree } from './generate.mjs';
import { measure } from './measure.mjs';
import { BASELINE, MODES } from './modes.mjs';
import { writeRealTree } from './real-tree.mjs';
import { summaryRows } from './summary.mjs';
import { formatTable, tableRows } from './table.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    // Another build's CLI (another worktree's dist/cli/bin.js), to measure a branch before it merges.
    bin: { type: 'string', default: path.join(root, 'dist', 'cli', 'bin.js') },
    sizes: { type: 'string', default: '2000,10000' },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    real: { type: 'string' },
    tree: { type: 'string', multiple: true, default: [] },
    modes: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});
const bin = path.resolve(values.bin);
const sizes = values.quick ? [2000] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 200) || !Number.isInteger(runs) || runs < 1) {
  console.error('bench/scale: --sizes takes whole numbers of at least 200, --runs a whole number of at least 1');
  process.exit(2);
}
const modes = values.modes ? MODES.filter((mode) => values.modes.split(',').includes(mode.name)) : MODES;

const work = mkdtempSync(path.join(os.tmpdir(), 'unblock-bench-scale-'));
process.once('exit', () => rmSync(work, { recursive: true, force: true }));
const options = cliOptions(bin);

/** The trees to measure: `{ tree, dir, files, generated }`. */
async function trees() {
  const list = [];
  for (const size of sizes) {
    const dir = path.join(work, `generated-${size}`);
    const { files } = generateTree(dir, { files: size, seed: Number(values.seed) });
    list.push({ tree: 'generated', dir, files, generated: true });
  }
  if (values.real) {
    const dir = path.join(work, 'real');
    list.push({ tree: 'real packages', dir, files: await writeRealTree(dir, Number(values.real)), generated: false });
  }
  for (const given of values.tree) {
    const { globby } = await import('globby');
    const files = await globby('**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}', { cwd: given, gitignore: true, ignore: ['**/node_modules/**', '**/*.d.ts'] });
    list.push({ tree: path.basename(path.resolve(given)), dir: path.resolve(given), files: files.length, generated: false });
  }
  return list;
}

/** What a run reported: blocking calls for a scan, sites fixed + left for fix. */
function reported(mode, output) {
  const report = JSON.parse(readFileSync(output, 'utf8'));
  if (mode.command === 'fix') return `${report.summary.sitesFixed} fixed + ${report.summary.sitesLeft} left`;
  return String(report.reduce((sum, file) => sum + file.messages.length, 0));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const load = () => os.loadavg()[0].toFixed(2);

console.log(`bench/scale: ${bin} on ${os.availableParallelism()} CPUs, load average ${load()} at the start; ${runs} run(s) of each mode`);
const results = [];
for (const { tree, dir, files, generated } of await trees()) {
  const cacheDir = path.join(work, `cache-${results.length}`);
  for (const mode of modes) {
    const missing = mode.needs.filter((flag) => !options[mode.command].has(flag));
    if (missing.length > 0) {
      results.push({ tree, files, generated, mode: mode.name, na: `n/a (flag not available: ${missing.join(', ')})` });
      continue;
    }
    const seconds = [];
    const cpuSeconds = [];
    const rss = [];
    let found = '';
    let crashed;
    for (let run = 0; run < runs; run++) {
      if (mode.freshCache) rmSync(cacheDir, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      const output = path.join(work, 'output.json');
      const args = mode.args({ cacheDir, output }, options[mode.command]);
      const result = await measure(bin, args, { cwd: dir, stdout: mode.command === 'scan' ? output : undefined });
      seconds.push(result.seconds);
      cpuSeconds.push(result.cpuSeconds);
      rss.push(result.rssMiB);
      // Exit 1 is "blocking calls found". Anything else is the CLI failing on this tree (out of
      // memory, above all): a result to report, with the time and memory it took to fail.
      if (result.status !== 0 && result.status !== 1) {
        crashed = /heap out of memory/.test(result.stderr) ? 'crashed: JavaScript heap out of memory' : `crashed: exit ${result.status}`;
        const fatal = result.stderr.split('\n').find((line) => /FATAL ERROR|Error:/.test(line)) ?? result.stderr.trim().split('\n').slice(-5).join('\n');
        console.error(`bench/scale: ${mode.name} on ${tree} (${files} files) ${crashed}: ${fatal}`);
        break;
      }
      found = reported(mode, output);
    }
    const row = { tree, files, generated, mode: mode.name, seconds: median(seconds), cpuSeconds: median(cpuSeconds), rssMiB: median(rss), found: crashed ?? found, crashed };
    results.push(row);
    console.log(`  ${tree}, ${files} files, ${mode.name}: ${row.seconds.toFixed(1)} s, ${row.cpuSeconds.toFixed(1)} CPU s, ${row.rssMiB.toFixed(0)} MiB, reported ${row.found} (load ${load()})`);
  }
}

console.log(`\nbench/scale: wall time and peak RSS; × smallest = the same mode on the ${Math.min(...sizes)}-file tree, × scan = ${BASELINE} on the same tree`);
console.log(formatTable(tableRows(results), { markdown: values.markdown }));
console.log(`load average (1 min) at the end: ${load()} on ${os.availableParallelism()} CPUs`);
// A one-thread scan keeps more than one CPU busy (V8's garbage collector and compiler run on
// helper threads): that bounds what threads can gain on this machine, whatever they share.
for (const row of results.filter((each) => each.mode === BASELINE && !each.crashed && each.cpuSeconds > 0)) {
  const busy = row.cpuSeconds / row.seconds;
  console.log(`${BASELINE} on ${row.tree} (${row.files} files) kept ${busy.toFixed(2)} CPUs busy: on ${os.availableParallelism()} CPUs, threads can be at most ${(os.availableParallelism() / busy).toFixed(2)}× faster`);
}
if (process.env.UNBLOCK_BENCH_SUMMARY) writeFileSync(process.env.UNBLOCK_BENCH_SUMMARY, JSON.stringify(summaryRows(results)));
