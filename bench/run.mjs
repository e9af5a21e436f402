#!/usr/bin/env node
// `npm run bench`: every benchmark in turn, then one summary table. Each bench prints ratios
// against a baseline measured in the same run, never absolute claims; `--quick` is passed
// through for a short run, `--json <file>` also writes the summary rows (with the machine) as JSON.
//
// The summary's rows come from each bench: those that write UNBLOCK_BENCH_SUMMARY (a temporary
// file named here) give their rows as JSON; for the rest, their printed verdict lines are read.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const jsonArg = args.indexOf('--json');
const jsonFile = jsonArg === -1 ? undefined : path.resolve(args[jsonArg + 1] ?? 'bench-summary.json');
const passThrough = jsonArg === -1 ? args : args.filter((_, i) => i !== jsonArg && i !== jsonArg + 1);

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
    [...out.matchAll(/^(offload|workerModule) (sequential latency|burst cost) ≤ ([\d.]+)× (floor|piscina)\s+(yes|NO)\s+([\d.]+)×/gm)].map((m) => ({
      measure: `${m[1]} ${m[2] === 'burst cost' ? 'burst µs/task' : 'round-trip p50'}, small value`,
      ratio: num(m[6]),
      baseline: m[4] === 'floor' ? 'bare worker' : 'piscina',
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
  ['lint typed', 'bench/lint/typed.mjs'],
  ['codemod', 'bench/codemod/index.mjs'],
  ['runtime', 'bench/runtime/index.mjs'],
  ['runtime soak', 'bench/runtime/soak.mjs'],
  ['runtime defaults', 'bench/runtime/defaults.mjs'],
  ['runtime monitor overhead', 'bench/runtime/monitor-overhead.mjs'],
  ['demo', 'bench/demo/index.mjs'],
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
const summary = [];
const loads = [atStart.loadAverage[0]];
let failed = false;
for (const [name, script] of benches) {
  if (!existsSync(path.join(root, script))) {
    console.log(`bench/${name}: not present, skipped`);
    continue;
  }
  console.log(`\n━━ bench/${name} ━━`);
  const summaryFile = path.join(workspace, `${name.replaceAll(' ', '-')}.json`);
  const { status, out } = await run(script, { ...process.env, UNBLOCK_BENCH_SUMMARY: summaryFile });
  loads.push(os.loadavg()[0]);
  if (status !== 0) {
    console.error(`bench/${name} exited with status ${status}`);
    failed = true;
    summary.push({ bench: name, measure: '(failed)', ratio: NaN, baseline: '', target: '', met: false });
    continue;
  }
  const rows = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : (parsers[name]?.(out) ?? []);
  if (rows.length === 0 && parsers[name]) console.log(`bench/${name}: no verdict line found for the summary`);
  for (const row of rows) summary.push({ bench: name, ...row });
}

const atEnd = machine();
const columns = ['bench', 'measure', 'ratio', 'baseline (same run)', 'target', 'met?'];
const cells = [
  columns,
  ...summary.map((row) => [row.bench, row.measure, Number.isFinite(row.ratio) ? `${row.ratio.toFixed(3)}×` : '-', row.baseline, row.target, row.met === null ? '—' : row.met ? 'yes' : 'NO']),
];
const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\n━━ summary: ratios to a baseline measured in the same run ━━`);
console.log(line(cells[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells.slice(1)) console.log(line(row));
console.log(
  `\nload average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} on ${atEnd.availableParallelism} CPUs ` +
    `(sampled at the start and after each bench); bench/runtime defaults has no row: its tables compare piscina's defaults with ours.`,
);
if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify({ when: new Date().toISOString(), quick: passThrough.includes('--quick'), machine: atStart, loadAverages: loads, rows: summary }, null, 2)}\n`);
  console.log(`summary written to ${path.relative(process.cwd(), jsonFile) || jsonFile}`);
}
process.exitCode = failed ? 1 : 0;
