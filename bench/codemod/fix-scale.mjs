#!/usr/bin/env node
// bench/codemod/fix-scale: `unblock fix --dry` on a large service beside `unblock scan` on the same
// tree. The tree is bench/lint's generated Express service (routes → services → helpers, 1% of
// helpers blocking, method calls that sync-callers leaves) plus, per 1,000 files, one view helper
// that blocks and the async route that calls it from another module, which sync-callers fixes.
// Each command runs in a process of its own, in alternating order, round after round; the
// figures are medians of the ratios to scan in the same round, at two sizes 10× apart, and how
// fix grows from the small tree to the large one.
// Targets: fix's time ≤ 1.5× scan's and its peak RSS ≤ 1 GiB on the small tree; from the small
// tree to the large one, fix's peak RSS grows ≤ 2× and its time about linearly (≤ 1.5× the
// growth in files).
//
//   node bench/codemod/fix-scale.mjs [--files N | --quick] [--rounds N] [--json]
//
// Runs from dist/ (`npm run build` first). Writes nothing in the tree (--dry).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { writeGeneratedService } from '../lint/generated-service.mjs';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const small = values.quick ? 1000 : Number(values.files);
const rounds = values.quick ? 1 : Number(values.rounds);
if (!Number.isInteger(small) || small < 100) throw new Error(`--files must be an integer ≥ 100; received ${JSON.stringify(values.files)}`);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer; received ${JSON.stringify(values.rounds)}`);
const TARGETS = { timeRatio: 1.5, rssMb: 1024, rssGrowth: 2, timeGrowthOverLinear: 1.5 };

const workspace = mkdtempSync(path.join(os.tmpdir(), 'unblock-fix-scale-'));
process.once('exit', () => rmSync(workspace, { recursive: true, force: true }));

/** The generated service, and per 1,000 files a view helper that blocks with its async route. */
function tree(count) {
  const root = path.join(workspace, String(count));
  const files = writeGeneratedService(root, count);
  for (let index = 0; index < Math.max(1, Math.round(count / 1000)); index++) {
    // ES modules: sync-callers does not follow CommonJS exports.
    const view = path.join(root, 'src/views', `view${index}.mjs`);
    mkdirSync(path.dirname(view), { recursive: true });
    writeFileSync(view, `import fs from 'node:fs';\n\nexport function renderView${index}(name) {\n  return fs.readFileSync(\`views/\${name}.html\`, 'utf8');\n}\n`);
    const page = path.join(root, 'src/routes', `page${index}.mjs`);
    writeFileSync(
      page,
      `import express from 'express';\nimport { renderView${index} } from '../views/view${index}.mjs';\n\nexport const router = express.Router();\nrouter.get('/page${index}/:name', async (req, res) => {\n  res.send(renderView${index}(req.params.name));\n});\n`,
    );
    files.push(view, page);
  }
  return { root, files: files.length };
}

function measure(root, argv) {
  const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'cli-run.mjs'), root, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`unblock ${argv.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const COMMANDS = { scan: ['scan', '.'], fix: ['fix', '--dry', '.', '--json'] };

const sizes = [small, 10 * small];
const results = {};
for (const count of sizes) {
  const { root, files } = tree(count);
  const runs = { scan: [], fix: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so that a burst of load lands on both.
    const order = round % 2 === 0 ? ['scan', 'fix'] : ['fix', 'scan'];
    for (const name of order) runs[name].push(measure(root, COMMANDS[name]));
  }
  const fix = runs.fix.at(-1);
  results[count] = {
    files,
    timeRatio: median(runs.fix.map((run, index) => run.ms / runs.scan[index].ms)),
    rssRatio: median(runs.fix.map((run, index) => run.maxRssMb / runs.scan[index].maxRssMb)),
    fixMs: median(runs.fix.map((run) => run.ms)),
    fixRssMb: median(runs.fix.map((run) => run.maxRssMb)),
    scanMs: median(runs.scan.map((run) => run.ms)),
    scanRssMb: median(runs.scan.map((run) => run.maxRssMb)),
    programFiles: fix.summary.programFiles,
    sitesFixed: fix.summary.sitesFixed,
    sitesLeft: fix.summary.sitesLeft,
    phases: fix.phases,
  };
  rmSync(root, { recursive: true, force: true });
}

const [low, high] = sizes.map((count) => results[count]);
const growth = { files: high.files / low.files, rss: high.fixRssMb / low.fixRssMb, time: high.fixMs / low.fixMs };
const report = {
  rounds,
  sizes: results,
  growth,
  targets: TARGETS,
  met: {
    timeRatio: low.timeRatio <= TARGETS.timeRatio,
    rssMb: low.fixRssMb <= TARGETS.rssMb,
    rssGrowth: growth.rss <= TARGETS.rssGrowth,
    timeGrowth: growth.time <= growth.files * TARGETS.timeGrowthOverLinear,
  },
};

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  console.log(`bench/codemod/fix-scale: unblock fix --dry beside unblock scan on generated services, ${rounds} round(s), each command in its own process`);
  console.table(
    Object.fromEntries(
      Object.values(results).map((row) => [
        `${row.files} files`,
        {
          'fix/scan time': row.timeRatio.toFixed(2),
          'fix/scan peak RSS': row.rssRatio.toFixed(2),
          'fix peak RSS MiB': row.fixRssMb.toFixed(0),
          'program files': row.programFiles,
          'sites fixed': row.sitesFixed,
          'sites left': row.sitesLeft,
          'fix phases ms': Object.entries(row.phases).map(([phase, ms]) => `${phase} ${ms}`).join(', '),
        },
      ]),
    ),
  );
  console.log(`fix / scan time = ${low.timeRatio.toFixed(3)} (target ≤ ${TARGETS.timeRatio}) at ${low.files} files`);
  console.log(`fix peak RSS ${low.fixRssMb.toFixed(0)} MiB (target ≤ ${TARGETS.rssMb}) at ${low.files} files`);
  console.log(`from ${low.files} to ${high.files} files (${growth.files.toFixed(1)}×): fix peak RSS ${growth.rss.toFixed(2)}× (target ≤ ${TARGETS.rssGrowth}), time ${growth.time.toFixed(2)}× (target ≤ ${(growth.files * TARGETS.timeGrowthOverLinear).toFixed(1)})`);
}
// Under `npm run bench`, the rows of its summary table.
if (process.env.UNBLOCK_BENCH_SUMMARY) {
  const rows = [
    { measure: `wall time, unblock fix --dry, ${low.files} files`, ratio: low.timeRatio, baseline: 'unblock scan, same tree', target: `≤ ${TARGETS.timeRatio}`, met: report.met.timeRatio },
    { measure: `peak RSS, unblock fix --dry, ${low.files} files`, ratio: low.rssRatio, baseline: 'unblock scan, same tree', target: '—', met: null },
    { measure: `peak RSS growth, fix --dry, ${low.files} → ${high.files} files`, ratio: growth.rss, baseline: `fix --dry on ${low.files} files`, target: `≤ ${TARGETS.rssGrowth}`, met: report.met.rssGrowth },
    { measure: `time growth, fix --dry, ${low.files} → ${high.files} files`, ratio: growth.time, baseline: `fix --dry on ${low.files} files`, target: `≤ ${(growth.files * TARGETS.timeGrowthOverLinear).toFixed(1)}`, met: report.met.timeGrowth },
  ];
  writeFileSync(process.env.UNBLOCK_BENCH_SUMMARY, JSON.stringify(rows));
}
export const result = report;
