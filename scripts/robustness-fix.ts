// `npm run robustness:fix`: `unblock fix --force`, as the built (or source) bin, on copies of real
// code and on thousands of generated files, checking what it leaves on disk:
//
//   real code   real packages from node_modules (the lint benchmark's server corpus and more):
//               every rewritten file parses, the JSON report matches the bytes on disk, a second
//               run changes nothing; packages' own test suites pass as before; TypeScript
//               projects get no new tsc errors. With --registry, npm tarballs of server packages too.
//   generated   --files files with blocking calls (scripts/robustness/fix-templates.ts), fixed to
//               completion, then killed with SIGINT and SIGKILL at random moments on identical
//               copies: every file must be the original or the completed run's output, never torn.
//
// Options: --files N (3000)  --kills N per signal (6)  --seed N  --registry  --skip-real
//          --skip-kill  --keep (leave the temp dir)  --all-node-modules (every installed package)
//          --heap-mb N (8192: the bin's --max-old-space-size; 0 for Node's default)
// Everything happens in a temp dir; nothing under the repository is written.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { repoRoot } from './robustness/corpus.js';
import {
  binRunner,
  checkFixRun,
  classifyTree,
  copyPackage,
  describeTrial,
  fixCheckProblems,
  fixCommand,
  handledGracefully,
  killTrial,
  newErrors,
  newFailures,
  readTree,
  runBin,
  runNodeTests,
  tempDir,
  typeErrors,
  writeTree,
  type FixCheck,
  type KillMoment,
  type KillSignal,
  type KillTrial,
  type Tree,
} from './robustness/fix-harness.js';
import { pairFiles, random, writeGeneratedProject } from './robustness/fix-templates.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const FILES = option('files', 3000);
const KILLS = option('kills', 6);
const SEED = option('seed', Date.now() % 1_000_000);
const next = random(SEED);

// The lint benchmark's corpus (bench/lint/corpus.mjs) plus the other servers and libraries installed here.
const REAL_PACKAGES: readonly string[] = [
  ...(JSON.parse(readFileSync(path.join(repoRoot, 'bench', 'lint', 'corpus-packages.json'), 'utf8')) as string[]),
  'koa',
  '@koa/router',
  'fastify',
  'pino',
  'hono/dist',
  'find-my-way',
  'avvio',
  'light-my-request',
  'thread-stream',
  'sonic-boom',
  'ajv/lib',
  'rxjs/src',
  '@nestjs/core',
  '@nestjs/common',
];

/** Installed packages whose own node:test suites run offline against this repository's node_modules. */
const OFFLINE_SUITES = ['find-my-way', 'avvio'];

/** Server packages from the npm registry (--registry), pinned. `tests` names one whose suite is run before and after. */
const REGISTRY_PACKAGES: ReadonlyArray<{ spec: string; tests?: boolean }> = [
  { spec: '@node-red/runtime@5.0.7' },
  { spec: '@node-red/editor-api@5.0.7' },
  { spec: 'parse-server@9.10.0' },
  { spec: '@fastify/static@10.1.11', tests: true },
  { spec: 'webpack-dev-server@5.2.7' },
  { spec: 'json-server@0.17.4' },
  { spec: 'http-server@14.1.1' },
  { spec: 'live-server@1.2.2' },
  { spec: 'express-fileupload@1.5.2' },
  { spec: 'serve-index@1.9.2' },
  { spec: 'hexo-server@3.0.0' },
  { spec: 'docsify-cli@5.0.0' },
  { spec: 'koa-send@5.0.1' },
  { spec: 'multer@2.5.0' },
  { spec: 'swagger-ui-express@5.0.1' },
];

const work = tempDir('robustness-fix');
const reports = path.join(work, 'reports');
mkdirSync(reports);
// sync-callers keeps every file of the program in memory (about 2 MB per file): a few thousand
// files need more than Node's default heap (a finding, docs/robustness.md). --heap-mb 0 keeps the default.
const HEAP_MB = option('heap-mb', 8192);
const command = fixCommand(HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : []);
const problems: string[] = [];
const lines: string[] = [];
const log = (text: string): void => {
  console.log(text);
};
const started = Date.now();
const seconds = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;

log(`robustness:fix: ${command.label} bin${HEAP_MB > 0 ? ` with a ${HEAP_MB} MB heap` : ''}, seed ${SEED}, temp dir ${work}`);

function linkNodeModules(root: string): void {
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

/** Checks on real code (counted in the real-code line) and on generated code (reported on their own lines). */
const realChecks: FixCheck[] = [];
const generatedChecks: FixCheck[] = [];

function record(check: FixCheck, real: boolean): void {
  problems.push(...fixCheckProblems(check));
  (real ? realChecks : generatedChecks).push(check);
  log(
    `  ${check.name}: ${check.filesChecked} files, ${check.rewritten} rewritten (${check.sitesFixed} sites fixed, ${check.sitesLeft} left), ` +
      `${check.unparsableInputs} inputs unparsable, ${check.parseFailures.length} parse failures, ${check.newUndefined.length} with new undefined names, ` +
      `${check.reportMismatches.length} report mismatches, ${check.secondRunChanges.length} second-run changes, exit ${check.exitCode}, ${seconds(check.ms)}`,
  );
  for (const { file, names } of check.newUndefined) log(`    ${file}: uses ${names.join(', ')}, which nothing defines`);
}

const suiteLines: string[] = [];
const tscLines: string[] = [];

// ---------------------------------------------------------------------------------------------
// Real code

async function realCode(): Promise<void> {
  log('\nreal code from node_modules');
  const root = path.join(work, 'real');
  const packages = flag('all-node-modules')
    ? readdirSync(path.join(repoRoot, 'node_modules')).flatMap((name) =>
        name.startsWith('@') ? readdirSync(path.join(repoRoot, 'node_modules', name)).map((inner) => `${name}/${inner}`) : name.startsWith('.') ? [] : [name],
      )
    : REAL_PACKAGES;
  let copied = 0;
  for (const name of packages) {
    const source = path.join(repoRoot, 'node_modules', name);
    if (existsSync(source)) copied += copyPackage(source, path.join(root, name), true);
  }
  copied += copyPackage(path.join(repoRoot, 'examples', 'express-service'), path.join(root, 'examples', 'express-service'));
  log(`  ${packages.length} packages and the example service: ${copied} files copied`);
  record(await checkFixRun('node_modules packages', root, binRunner(command), reports), true);
}

async function suites(): Promise<void> {
  log('\npackages’ own test suites (offline)');
  for (const name of OFFLINE_SUITES) {
    const root = path.join(work, 'suites', name);
    copyPackage(path.join(repoRoot, 'node_modules', name), root);
    linkNodeModules(root);
    await suiteBeforeAfter(name, root, testFiles(root));
  }
}

function testFiles(root: string): string[] {
  return readdirSync(path.join(root, 'test'))
    .filter((file) => /\.(test\.)?[cm]?js$/.test(file))
    .map((file) => path.join('test', file))
    .sort();
}

async function suiteBeforeAfter(name: string, root: string, files: readonly string[]): Promise<void> {
  const before = await runNodeTests(root, files);
  const check = await checkFixRun(`${name} (with tests)`, root, binRunner(command), reports);
  record(check, true);
  let after = await runNodeTests(root, files);
  // Suites with timing-sensitive tests: a new failure must reproduce before it counts.
  if (newFailures(before, after).length > 0) after = await runNodeTests(root, files);
  const added = newFailures(before, after);
  for (const failure of added) problems.push(`${name}: test fails after the fix: ${failure}`);
  const line = `${name}: ${check.rewritten} files rewritten; tests ${before.pass} pass / ${before.fail} fail before, ${after.pass} / ${after.fail} after, ${added.length} new failures`;
  suiteLines.push(line);
  log(`  ${line}`);
}

const STRICT_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, types: ['node'] },
};

async function typescript(): Promise<void> {
  log('\nTypeScript projects: tsc --noEmit before and after');
  // piscina publishes its TypeScript sources and tests, without a tsconfig: give it a strict one.
  const piscina = path.join(work, 'ts', 'piscina');
  for (const part of ['src', 'test', 'package.json']) cpSync(path.join(repoRoot, 'node_modules', 'piscina', part), path.join(piscina, part), { recursive: true });
  writeFileSync(path.join(piscina, 'tsconfig.json'), JSON.stringify({ ...STRICT_TSCONFIG, include: ['src/**/*.ts', 'test/**/*.ts'] }, null, 2));
  linkNodeModules(piscina);
  await tscBeforeAfter('piscina (published .ts sources)', piscina, true);

  const fixture = path.join(work, 'ts', 'ts-service');
  copyPackage(path.join(repoRoot, 'tests', 'e2e', 'fixtures', 'ts-service'), fixture);
  linkNodeModules(fixture);
  await tscBeforeAfter('ts-service (repository fixture)', fixture, false);

  const generated = path.join(work, 'ts', 'generated');
  writeGeneratedProject(generated, { count: 200, seed: SEED, kinds: ['service-ts', 'tools-ts'], maxPaddingLines: 50 });
  writeFileSync(path.join(generated, 'tsconfig.json'), JSON.stringify({ ...STRICT_TSCONFIG, include: ['src/**/*.ts'] }, null, 2));
  linkNodeModules(generated);
  await tscBeforeAfter('generated TypeScript service (200 files)', generated, false);
}

async function tscBeforeAfter(name: string, root: string, real: boolean): Promise<void> {
  const before = typeErrors(root);
  const check = await checkFixRun(name, root, binRunner(command), reports);
  record(check, real);
  const after = typeErrors(root);
  const added = newErrors(before, after);
  for (const error of added) problems.push(`${name}: new tsc error: ${error}`);
  const line = `${name}: ${check.rewritten} files rewritten; tsc errors ${before.length} before, ${after.length} after, ${added.length} new`;
  tscLines.push(line);
  log(`  ${line}`);
  for (const error of added.slice(0, 10)) log(`    ${error}`);
}

async function registry(): Promise<void> {
  log('\nnpm registry tarballs (--registry)');
  const packs = path.join(work, 'packs');
  mkdirSync(packs, { recursive: true });
  for (const { spec, tests } of REGISTRY_PACKAGES) {
    const tarball = execFileSync('npm', ['pack', spec, '--silent'], { cwd: packs, encoding: 'utf8' }).trim().split('\n').pop()!;
    const name = spec.replace(/@[^@]*$/, '').replace('/', '+');
    const root = path.join(work, 'registry', name);
    mkdirSync(root, { recursive: true });
    execFileSync('tar', ['xzf', path.join(packs, tarball), '-C', root, '--strip-components=1']);
    if (tests) {
      // Its suite needs its dependencies and devDependencies: installed from the registry, outside what fix walks.
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
      await suiteBeforeAfter(spec, root, testFiles(root));
    } else {
      record(await checkFixRun(spec, root, binRunner(command), reports), true);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Generated files, completed and killed

const trials: KillTrial[] = [];
const resumeLines: string[] = [];
/** [callers left un-awaited by a kill, still un-awaited after a rerun] for the trials that were rerun. */
const halfDoneAfterRerun: Array<[number, number]> = [];
let generatedCheck: FixCheck | undefined;

async function kills(): Promise<void> {
  const pairCount = Math.floor(FILES / 20);
  log(`\ngenerated project: ${FILES} files (${pairCount} helper/caller pairs among them)`);
  const base = path.join(work, 'kill', 'base');
  writeGeneratedProject(base, { count: FILES - 2 * pairCount, pairs: pairCount, seed: SEED, maxPaddingLines: 200 });
  const original = await readTree(base);
  const pairs = pairFiles(pairCount);

  const complete = path.join(work, 'kill', 'complete');
  await writeTree(complete, original);
  generatedCheck = await checkFixRun('generated', complete, binRunner(command), reports);
  record(generatedCheck, false);
  const completed: Tree = new Map([...generatedCheck.afterFirstRun].filter(([file, bytes]) => !original.get(file)?.equals(bytes)));

  log(`\nkill trials: ${KILLS} × SIGINT, ${KILLS} × SIGKILL`);
  for (const signal of ['SIGINT', 'SIGKILL'] as const satisfies readonly KillSignal[]) {
    for (let index = 0; index < KILLS; index++) {
      // Half a short random delay after the first write, half the n-th write with n anywhere in the run.
      const moment: KillMoment =
        index % 2 === 0 ? { kind: 'delay', ms: Math.floor(next() * 5000) } : { kind: 'temp-file', n: 1 + Math.floor(next() * completed.size * 0.95) };
      const root = path.join(work, 'kill', `${signal}-${index}`);
      await writeTree(root, original);
      const trial = await killTrial({ command, root, original, completed, signal, moment, pairs });
      trials.push(trial);
      log(`  ${describeTrial(trial)}`);
      const { state } = trial;
      for (const file of state.torn) problems.push(`${signal} trial ${index}: ${file} is torn (neither old nor new)`);
      for (const file of state.missing) problems.push(`${signal} trial ${index}: ${file} is missing`);
      for (const file of state.strayFiles) problems.push(`${signal} trial ${index}: unexpected file ${file}`);
      if (state.tempFiles.length > 1) problems.push(`${signal} trial ${index}: ${state.tempFiles.length} temp files (one write at a time)`);
      // Ctrl-C must let the write in progress finish, write nothing more, and exit 130 (docs/codemods.md).
      if (signal === 'SIGINT' && !trial.finishedFirst && !handledGracefully(trial)) problems.push(`SIGINT trial ${index}: not handled gracefully: ${describeTrial(trial)}`);

      // Callers are written before the helpers they await (codemods/sync-callers/write-order.ts).
      if (state.halfDone.length > 0) problems.push(`${signal} trial ${index}: ${state.halfDone.length} callers left un-awaited: ${state.halfDone.join(', ')}`);

      if (index < 2 || state.halfDone.length > 0 || state.tempFiles.length > 0) {
        // Run again to completion on the killed tree: it should end where an uninterrupted run ends.
        const resumed = await runBin(command, ['fix', '--force', '.'], root);
        const after = await classifyTree(root, original, completed, pairs);
        const stillHalf = after.halfDone.filter((file) => state.halfDone.includes(file)).length;
        const line =
          `after ${signal} #${index}, a second run (exit ${resumed.code}) leaves ${after.new} new, ${after.old} old, ${after.torn.length} torn, ` +
          `${after.tempFiles.length} temp files (${state.tempFiles.length} before)${after.tempFiles.length > 0 ? ` (${after.tempFiles.map((temp) => temp.file).join(', ')}: not cleaned up)` : ''}, ` +
          `${stillHalf}/${state.halfDone.length} un-awaited callers still un-awaited`;
        resumeLines.push(line);
        halfDoneAfterRerun.push([state.halfDone.length, stillHalf]);
        log(`  ${line}`);
        if (after.torn.length > 0 || after.old > 0) problems.push(`after ${signal} #${index}, the second run left ${after.torn.length} torn and ${after.old} old files`);
        if (after.tempFiles.length > 0) problems.push(`after ${signal} #${index}, the second run left ${after.tempFiles.length} temp files`);
        if (stillHalf > 0) problems.push(`after ${signal} #${index}, the second run left ${stillHalf} callers un-awaited`);
      }
      rmSync(root, { recursive: true, force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------

if (!flag('skip-real')) {
  await realCode();
  await suites();
  await typescript();
  if (flag('registry')) await registry();
}
if (!flag('skip-kill')) await kills();

const sum = (pick: (check: FixCheck) => number, checks = realChecks): number => checks.reduce((total, check) => total + pick(check), 0);
lines.push(`robustness:fix summary (${command.label} bin, seed ${SEED}, ${seconds(Date.now() - started)})`);
if (realChecks.length > 0) {
  lines.push(
    `  real code: ${realChecks.length} runs, ${sum((check) => check.filesChecked)} files, ${sum((check) => check.rewritten)} rewritten ` +
      `(${sum((check) => check.sitesFixed)} sites fixed, ${sum((check) => check.sitesLeft)} left), ${sum((check) => check.unparsableInputs)} unparsable inputs left as they were; ` +
      `parse failures ${sum((check) => check.parseFailures.length)}, files with new undefined names ${sum((check) => check.newUndefined.length)}, ` +
      `report mismatches ${sum((check) => check.reportMismatches.length)}, second-run changes ${sum((check) => check.secondRunChanges.length)}`,
  );
  for (const line of [...suiteLines, ...tscLines]) lines.push(`  ${line}`);
}
for (const check of generatedChecks) {
  lines.push(
    `  generated (${check.name}): ${check.filesChecked} files, ${check.rewritten} rewritten (${check.sitesFixed} sites), parse failures ${check.parseFailures.length}, ` +
      `new undefined names ${check.newUndefined.length}, second-run changes ${check.secondRunChanges.length}, first run ${seconds(check.ms)}`,
  );
}
if (generatedCheck) {
  const bySignal = (signal: KillSignal): KillTrial[] => trials.filter((trial) => trial.signal === signal);
  const torn = trials.reduce((total, trial) => total + trial.state.torn.length + trial.state.missing.length, 0);
  lines.push(`  kill trials: ${trials.length} (${bySignal('SIGINT').length} SIGINT, ${bySignal('SIGKILL').length} SIGKILL), ${trials.filter((trial) => trial.finishedFirst).length} finished before the signal; torn files ${torn}`);
  const half = trials.reduce((total, trial) => total + trial.state.halfDone.length, 0);
  lines.push(`  callers left un-awaited by a kill (helper's module written, caller's not): ${half}; still un-awaited after a rerun: ${halfDoneAfterRerun.reduce((total, [, still]) => total + still, 0)}`);
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    const group = bySignal(signal);
    const temps = group.flatMap((trial) => trial.state.tempFiles);
    const exits = [...new Set(group.map((trial) => (trial.exitSignal ? `killed by ${trial.exitSignal}` : `exit ${trial.exitCode}`)))].join(', ');
    lines.push(
      `  ${signal}: ${group.reduce((total, trial) => total + trial.state.new, 0)} files new and ${group.reduce((total, trial) => total + trial.state.old, 0)} old across trials; ` +
        `temp files left in ${group.filter((trial) => trial.state.tempFiles.length > 0).length}/${group.length} trials (${temps.filter((temp) => temp.content !== 'other').length}/${temps.length} hold a prefix of the new text); ${exits}`,
    );
  }
  const interrupted = bySignal('SIGINT').filter((trial) => !trial.finishedFirst);
  lines.push(`  SIGINT handled gracefully (write in progress finished, no temp file, exit 130): ${interrupted.filter(handledGracefully).length}/${interrupted.length}`);
  for (const line of resumeLines) lines.push(`  ${line}`);
}
lines.push(`  problems: ${problems.length}`);
console.log(`\n${lines.join('\n')}`);
for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
if (!flag('keep')) rmSync(work, { recursive: true, force: true });
process.exitCode = problems.length === 0 ? 0 : 1;
