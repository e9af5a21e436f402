#!/usr/bin/env node
// bench/demo: the demo's /health p99 under load, before and after `unblock fix`, as ratios to the
// same service idle, all measured in one run of scripts/demo.mjs (which reads them from one
// process on one machine, so a slow machine slows every figure alike).
// Target: after the fix, p99 under load ≤ 2 × idle p99 (the demo's own target). before ÷ after
// is what the fix gave back, reported without a target.
//
//   node bench/demo/index.mjs [--quick] [--runs N]
//
// --quick runs the demo's short windows; otherwise its full windows. The demo measures the fixed
// service three times and reports the median itself; --runs N repeats the whole demo and takes
// medians over those too (default 1). The demo's own output goes to a log, shown if it fails.
// When UNBLOCK_BENCH_SUMMARY names a file (bench/run.mjs sets it), the headline ratios are
// written there as JSON for the summary table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' } },
});
const runs = values.runs === undefined ? 1 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer; received ${JSON.stringify(values.runs)}`);
const TARGET = 2;

const root = path.resolve(import.meta.dirname, '..', '..');
const workspace = mkdtempSync(path.join(os.tmpdir(), 'unblock-bench-demo-'));
process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));

const results = [];
for (let run = 0; run < runs; run++) {
  const json = path.join(workspace, `demo-${run}.json`);
  const args = [path.join(root, 'scripts', 'demo.mjs'), ...(values.quick ? ['--quick'] : []), '--json', json, '--report', path.join(workspace, `report-${run}.html`)];
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) {
    process.stdout.write(child.stdout);
    process.stderr.write(child.stderr);
    throw new Error(`scripts/demo.mjs exited with status ${child.status} on run ${run + 1}`);
  }
  results.push(JSON.parse(readFileSync(json, 'utf8')));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const pick = (fn) => median(results.map(fn));
const afterToIdle = pick((r) => r.afterToIdleP99);
const beforeToAfter = pick((r) => r.beforeToAfterP99);
const beforeToIdle = pick((r) => r.before.p99 / r.idle.p99);
const rpsAfterToBefore = pick((r) => r.after.rps / r.before.rps);
const range = (fn) => {
  const list = results.map(fn);
  return list.length === 1 ? '' : `${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)}`;
};

console.log(
  `bench/demo: scripts/demo.mjs${values.quick ? ' --quick' : ''}, ${runs} run${runs === 1 ? '' : 's'}; /health probed idle and while ` +
    `${results[0].connections} autocannon connection(s) load ${results[0].loaded.join(' + ')}; medians over runs`,
);
console.table({
  'before fix, under load': { '/health p99 ÷ idle p99': beforeToIdle.toFixed(2), 'range over runs': range((r) => r.before.p99 / r.idle.p99) },
  'after fix, under load': { '/health p99 ÷ idle p99': afterToIdle.toFixed(2), 'range over runs': range((r) => r.afterToIdleP99) },
});
console.log(`before ÷ after /health p99 = ${beforeToAfter.toFixed(1)} (range ${range((r) => r.beforeToAfterP99) || '—'})`);
console.log(`throughput of the loaded endpoints, after ÷ before = ${rpsAfterToBefore.toFixed(2)}`);
console.log(
  `after-fix p99 ÷ idle p99 = ${afterToIdle.toFixed(2)} (target ≤ ${TARGET}); after-fix p99 of each measured run: ` +
    `${results.map((r) => r.afterRuns.map((run) => `${run.p99.toFixed(1)} ms at load average ${run.loadAverage.toFixed(1)}`).join(', ')).join('; ')} on ${results[0].cpus} CPUs`,
);

if (process.env.UNBLOCK_BENCH_SUMMARY) {
  writeFileSync(
    process.env.UNBLOCK_BENCH_SUMMARY,
    JSON.stringify([
      { measure: '/health p99 under load, after fix', ratio: afterToIdle, baseline: 'idle p99', target: `≤ ${TARGET.toFixed(2)}`, met: afterToIdle <= TARGET },
      { measure: '/health p99 under load, before fix', ratio: beforeToAfter, baseline: 'after fix', target: '—', met: null },
    ]),
  );
}
