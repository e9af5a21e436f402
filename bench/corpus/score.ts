// `npm run corpus`: scores unblock's untyped configs.recommended and eslint-plugin-n's n/no-sync,
// in the same run, against the hand-labelled sites of real services (bench/corpus/README.md).
// The snapshots are read from the folder UNBLOCK_CORPUS_DIR names; without it, this skips.
//
//   --only <owner/name>   score one repository (repeatable)
//   --json <file>         also write the table, the misses, the false alarms and the unlabelled reports as JSON
//   --describe            print the corpus table of bench/corpus/README.md and stop (no snapshots needed)
//   --dist <folder>       score unblock from another build (another checkout's dist/), e.g. main against a branch
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { corpusTable } from './describe.js';
import { loadCorpus, siteId, type CorpusRepo } from './labels.js';
import { DEFAULT_DIST, lintSnapshot } from './lint.js';
import { startOfCall, TOOLS, unlabelledReports, type Report, type StartOfCall } from './match.js';
import { CORPUS_DIR_VARIABLE, labelsOutOfPlace, snapshotOf, SnapshotLines } from './snapshots.js';
import { describeSite, score, type ScoreRow } from './tally.js';

const { values } = parseArgs({
  options: { only: { type: 'string', multiple: true }, json: { type: 'string' }, describe: { type: 'boolean', default: false }, dist: { type: 'string' } },
});

const corpus = (() => {
  try {
    return loadCorpus();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
if (values.describe) {
  console.log(corpusTable(corpus));
  process.exit(0);
}
const corpusDir = process.env[CORPUS_DIR_VARIABLE];
if (!corpusDir) {
  console.log(`corpus: ${CORPUS_DIR_VARIABLE} is not set, so there are no snapshots to score; skipped. bench/corpus/README.md says how to make them.`);
  process.exit(0);
}

const unknown = (values.only ?? []).filter((name) => !corpus.repos.some((repo) => repo.repo === name));
if (unknown.length > 0) fail(`--only names repositories the corpus does not have: ${unknown.join(', ')}`);
const repos = corpus.repos.filter((repo) => !values.only || values.only.includes(repo.repo));
const sites = corpus.sites.filter((site) => repos.some((repo) => repo.repo === site.repo));

const dirs = new Map<string, string>();
const missing: string[] = [];
for (const repo of repos) {
  const snapshot = snapshotOf(path.resolve(corpusDir), repo);
  if ('dir' in snapshot) dirs.set(repo.repo, snapshot.dir);
  else missing.push(snapshot.problem);
}
if (missing.length > 0) fail(`snapshots missing or at the wrong commit (npm run corpus:materialise writes them):\n  ${missing.join('\n  ')}`);
const snapshots = new SnapshotLines((repo) => dirs.get(repo)!);
const outOfPlace = labelsOutOfPlace(sites, snapshots);
if (outOfPlace.length > 0) fail(`labels that do not fit their snapshot:\n  ${outOfPlace.join('\n  ')}`);

const dist = path.resolve(values.dist ?? DEFAULT_DIST);
if (!existsSync(path.join(dist, 'rules', 'index.js'))) fail(`--dist: ${dist} holds no unblock build (rules/index.js); run npm run build there`);

const reports: Report[] = [];
const parseFailures: string[] = [];
let files = 0;
const lintSeconds = { unblock: 0, 'n/no-sync': 0 };
for (const repo of repos) {
  const seconds: string[] = [];
  for (const tool of TOOLS) {
    const started = performance.now();
    const outcome = await lintSnapshot(repo, dirs.get(repo.repo)!, tool, dist);
    const elapsed = (performance.now() - started) / 1000;
    lintSeconds[tool] += elapsed;
    seconds.push(`${tool} ${elapsed.toFixed(1)} s`);
    reports.push(...outcome.reports);
    if (tool === 'unblock') {
      files += outcome.files;
      parseFailures.push(...outcome.parseFailures);
    }
  }
  console.error(`linted ${repo.repo}: ${seconds.join(', ')}`);
}

const startOf: StartOfCall = (repo, file, line) => startOfCall(snapshots.of(repo, file) ?? [], line);
const result = score(sites, reports, startOf);
printTable(repos, result.rows);
const unlabelled = unlabelledReports(sites, reports, startOf);
for (const tool of TOOLS) {
  const own = reports.filter((report) => report.tool === tool);
  console.log(`${tool}: ${own.length} reports in ${files} files, ${unlabelled.filter((report) => report.tool === tool).length} of them unlabelled (on no labelled site or entry call, naming none)`);
}
// Wall-clock seconds on whatever else the machine is doing: only the ratio, same run, says anything.
console.log(`lint time, unblock / n/no-sync in this run: ${(lintSeconds.unblock / lintSeconds['n/no-sync']).toFixed(2)}`);
if (parseFailures.length > 0) console.log(`\nfiles that did not parse (their sites cannot be found):\n  ${parseFailures.join('\n  ')}`);
for (const tool of TOOLS) {
  printList(`serving sites ${tool} missed`, result.missed[tool].map(describeSite));
  printList(
    `sites ${tool} reported that must not be`,
    result.falseAlarms[tool].map(({ site, reports: matched }) => `${siteId(site)} (${site.when}, ${site.kind}) at ${matched.map((report) => `${report.file}:${report.line}`).join(' ')}`),
  );
}
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ dist, repos: repos.map((repo) => ({ repo: repo.repo, commit: repo.commit })), files, ...result, unlabelled }, null, 2)}\n`);
  console.log(`\nwritten to ${values.json}`);
}

function printTable(scored: readonly CorpusRepo[], rows: readonly ScoreRow[]): void {
  console.log(`\ncorpus: ${scored.length} services, ${sites.length} labelled sites; unblock = configs.recommended (untyped) from ${dist}, n/no-sync = eslint-plugin-n no-sync`);
  const header = ['sites', 'measure', 'n', ...TOOLS.map((tool) => `${tool}`), 'target'];
  const cells = rows.map((row) => [row.group, row.measure, String(row.sites), ...TOOLS.map((tool) => ratio(row.matched[tool], row.sites)), row.target ?? '']);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...cells.map((cell) => cell[i]!.length)));
  const line = (cell: readonly string[]): string => cell.map((text, i) => (i >= 2 && i < cell.length - 1 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cell of cells) console.log(line(cell));
  console.log('');
}

/** `0.93 (40/43)`; a dash for an empty group. */
function ratio(matched: number, of: number): string {
  return of === 0 ? '-' : `${(matched / of).toFixed(2)} (${matched}/${of})`;
}

function printList(title: string, items: readonly string[]): void {
  console.log(`\n${title}: ${items.length === 0 ? 'none' : items.length}`);
  for (const item of items) console.log(`  ${item}`);
}

function fail(message: string): never {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

