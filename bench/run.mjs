#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, then one summary table. Each bench prints ratios
// against a baseline measured in the same run, never absolute claims; `--quick` is passed
// through for a short run, `--json <file>` also writes the summary rows (with the machine) as JSON,
// `--runs N` runs the whole set N times and reports each ratio's median and range.
//
// The summary's rows come from each bench: those that write UNBLOCK_BENCH_SUMMARY (a temporary
// file named here) give their rows as JSON; for the rest, their printed verdict lines are read.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
/** The value of `--name value`, and the arguments without the pair. */
function takeOption(list, name) {
  const at = list.indexOf(name);
  return at === -1 ? { value: undefined, rest: list } : { value: list[at + 1], rest: list.filter((_, i) => i !== at && i !== at + 1) };
}
const json = takeOption(args, '--json');
const jsonFile = json.rest === args ? undefined : path.resolve(json.value ?? 'bench-summary.json');
const runsOption = takeOption(json.rest, '--runs');
const passThrough = runsOption.rest;
// `--runs N`: the whole set N times; the summary gives each ratio's median and range, because one
// run on a shared host can land a burst of someone else's load on one side of a ratio.
const runs = runsOption.value === undefined ? 1 : Number(runsOption.value);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error(`bench: --runs must be a whole number from 1 to 20, got ${JSON.stringify(runsOption.value)}`);
  process.exit(2);
}

const num = (text) => Number(text);
/** Rows read from the text a bench printed, for benches that do not write the summary file. */
const parsers = {
  'lint typed': (out) => {
    const m = /recommended-type-checked \/ no-floating-promises = ([\d.]+) \(target ≤ ([\d.]+)\)/.exec(out);
    return m ? [{ measure: 'typed lint time, recommended-type-checked', ratio: num(m[1]), baseline: 'no-floating-promises only', target: `≤ ${m[2]}`, met: num(m[1]) <= num(m[2]) }] : [];
  },
  codemod: (out) => {
    const m = /^(.+) \/ (.+) files\/s = ([\d.]+) \(target ≥ ([\d.]+)\)$/m.exec(out);
    return m ? [{ measure: `files/s, ${m[1]}`, ratio: num(m[3]), baseline: m[2], target: `≥ ${m[4]}`, met: num(m[3]) >= num(m[4]) }] : [];
  },
  runtime: (out) =>
    [...out.matchAll(/^(offload|workerModule) (sequential latency|burst cost|1 MiB Buffer round trip) ≤ ([\d.]+)× (floor|piscina)\s+(yes|NO)\s+([\d.]+)×/gm)].map((m) => ({
      measure: m[2] === '1 MiB Buffer round trip' ? `${m[1]} round-trip p50, 1 MiB Buffer` : `${m[1]} ${m[2] === 'burst cost' ? 'burst µs/task' : 'round-trip p50'}, small value`,
      ratio: num(m[6]),
      baseline: m[4] === 'piscina' ? 'piscina' : m[2] === '1 MiB Buffer round trip' ? 'bare worker, postMessage of the same bytes' : 'bare worker',
      target: `≤ ${m[3]}`,
      met: m[5] === 'yes',
    })),
  'runtime soak': (out) => {
    const m = /end heap ([\d.]+)× the first sample/.exec(out);
    return m ? [{ measure: 'main-thread heap at the end of the soak', ratio: num(m[1]), baseline: 'first sample after warm-up', target: '—', met: null }] : [];
  },
  'runtime monitor overhead': (out) => {
    const m = /^monitorEventLoop \+ eventLoopStats\s+\S+\s+([\d.]+)×\s+\S+\s+([\d.]+)×/m.exec(out);
    return m
      ? [
          { measure: 'HTTP req/s with monitorEventLoop', ratio: num(m[1]), baseline: 'same server, unmonitored', target: '—', met: null },
          { measure: 'HTTP p99 with monitorEventLoop', ratio: num(m[2]), baseline: 'same server, unmonitored', target: '—', met: null },
        ]
      : [];
  },
};

const benches = [
  ['lint', 'bench/lint/index.mjs'],
  ['lint cold', 'bench/lint/cold.mjs'],
  ['lint typed', 'bench/lint/typed.mjs'],
  ['codemod', 'bench/codemod/index.mjs'],
  ['codemod big file', 'bench/codemod/big-file.mjs'],
  ['codemod fix scale', 'bench/codemod/fix-scale.mjs'],
  ['runtime', 'bench/runtime/index.mjs'],
  ['runtime soak', 'bench/runtime/soak.mjs'],
  ['runtime defaults', 'bench/runtime/defaults.mjs'],
  ['runtime monitor overhead', 'bench/runtime/monitor-overhead.mjs'],
  ['demo', 'bench/demo/index.mjs'],
  // scan and fix --dry on generated trees of 2,000 and 10,000 files (2,000 only with --quick).
  ['scale', 'bench/scale/run.mjs'],
];

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    availableParallelism: os.availableParallelism(),
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

/** Runs one bench, its output shown as it comes and also kept. */
function run(script, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', script, ...passThrough], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (status) => resolve({ status, out }));
  });
}

const atStart = machine();
console.log(
  `unblock bench on Node ${atStart.node}, ${atStart.platform}; ${atStart.cpu} (parallelism ${atStart.availableParallelism}), ${atStart.memoryGiB} GiB; ` +
    `load average ${atStart.loadAverage.join(' ')} at the start${passThrough.includes('--quick') ? '; quick run' : ''}`,
);

const workspace = mkdtempSync(path.join(os.tmpdir(), 'unblock-bench-'));
process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));
const loads = [atStart.loadAverage[0]];
let failed = false;
/** One list of rows per run. */
const rowsByRun = [];
for (let round = 1; round <= runs; round++) {
  const rowsOfRun = [];
  rowsByRun.push(rowsOfRun);
  for (const [name, script] of benches) {
    if (!existsSync(path.join(root, script))) {
      console.log(`bench/${name}: not present, skipped`);
      continue;
    }
    console.log(`\n━━ bench/${name}${runs > 1 ? ` (run ${round} of ${runs})` : ''} ━━`);
    const summaryFile = path.join(workspace, `${name.replaceAll(' ', '-')}-${round}.json`);
    const { status, out } = await run(script, { ...process.env, UNBLOCK_BENCH_SUMMARY: summaryFile });
    loads.push(os.loadavg()[0]);
    if (status !== 0) {
      console.error(`bench/${name} exited with status ${status}`);
      failed = true;
      rowsOfRun.push({ bench: name, measure: '(failed)', ratio: NaN, baseline: '', target: '', met: false });
      continue;
    }
    const rows = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : (parsers[name]?.(out) ?? []);
    if (rows.length === 0 && parsers[name]) console.log(`bench/${name}: no verdict line found for the summary`);
    for (const row of rows) rowsOfRun.push({ bench: name, ...row });
  }
}
const summary = mergeRuns(rowsByRun);

/** The rows of all runs, one per bench, measure and baseline: the median ratio, and the range. */
function mergeRuns(runsRows) {
  const merged = new Map();
  for (const rows of runsRows) {
    for (const row of rows) {
      const key = `${row.bench}\u0000${row.measure}\u0000${row.baseline}`;
      if (!merged.has(key)) merged.set(key, { ...row, ratios: [] });
      merged.get(key).ratios.push(row.ratio);
    }
  }
  return [...merged.values()].map((row) => {
    const finite = row.ratios.filter(Number.isFinite).sort((a, b) => a - b);
    const ratio = finite.length === 0 ? NaN : finite.length % 2 === 1 ? finite[(finite.length - 1) / 2] : (finite[finite.length / 2 - 1] + finite[finite.length / 2]) / 2;
    return { ...row, ratio, met: row.met === null ? null : (meets(ratio, row.target) ?? row.met), min: finite[0], max: finite.at(-1) };
  });
}

/** Whether `ratio` meets a target written as `≤ 1.10` or `≥ 0.67`; null when there is none. */
function meets(ratio, target) {
  const match = /^([≤≥]) ([\d.]+)$/.exec(target ?? '');
  if (!match) return null;
  if (!Number.isFinite(ratio)) return false;
  return match[1] === '≤' ? ratio <= Number(match[2]) : ratio >= Number(match[2]);
}

const atEnd = machine();
const columns = ['bench', 'measure', runs > 1 ? `median of ${runs}` : 'ratio', ...(runs > 1 ? ['range'] : []), 'baseline (same run)', 'target', 'met?'];
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(3)}×` : '-');
const cells = [
  columns,
  ...summary.map((row) => [
    row.bench,
    row.measure,
    times(row.ratio),
    ...(runs > 1 ? [row.ratios.length === runs ? `${times(row.min)}–${times(row.max)}` : `${row.ratios.length} of ${runs} runs`] : []),
    row.baseline,
    row.target,
    row.met === null ? '—' : row.met ? 'yes' : 'NO',
  ]),
];
const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 2 || (runs > 1 && i === 3) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\n━━ summary: ratios to a baseline measured in the same run${runs > 1 ? `, median of ${runs} runs` : ''} ━━`);
console.log(line(cells[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells.slice(1)) console.log(line(row));
console.log(
  `\nload average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${atEnd.availableParallelism} CPUs ` +
    `(sampled at the start and after each bench); bench/runtime defaults has no row: its tables compare piscina's defaults with ours.`,
);
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ when: new Date().toISOString(), quick: passThrough.includes('--quick'), runs, machine: atStart, loadAverages: loads, rows: summary }, null, 2)}\n`);
  console.log(`summary written to ${path.relative(process.cwd(), jsonFile) || jsonFile}`);
}
process.exitCode = failed ? 1 : 0;
