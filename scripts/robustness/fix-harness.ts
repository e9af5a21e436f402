// Shared machinery for the `unblock fix` robustness runs (scripts/robustness-fix.ts and
// tests/robustness/fix-*.test.ts): copy real code into a temp dir, run the fix, and check
// what it left on disk — every rewrite parses, a second run changes nothing, the type checker
// finds nothing new, and a run killed part-way leaves each file old or new, never torn.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { access, constants, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Linter } from 'eslint';
import globals from 'globals';
import ts from 'typescript';

import { parserLanguageOptions, sourceTypeOf } from '../../analysis/parser-options.js';
import { main } from '../../cli/main.js';
import { parses } from '../../codemods/engine/detector.js';
import { repoRoot } from './corpus.js';

// Run from a git hook, GIT_DIR would point the CLI's git check at this repository.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete process.env[name];

/** The name writeFileAtomic gives its temporary file: `.<target name>.<12 hex>.unblock-tmp`, beside the target. */
export const TEMP_FILE = /^\.(.+)\.[0-9a-f]{12}\.unblock-tmp$/;

/** Directories the walk never enters: dependencies (often a symbolic link here) and git data. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export type Tree = Map<string, Buffer>;

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `unblock-${prefix}-`));
}

/** Every regular file under `root` by relative path (forward slashes), skipping node_modules and .git, never following links. */
export async function readTree(root: string): Promise<Tree> {
  const tree: Tree = new Map();
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(absolute);
      } else if (entry.isFile()) {
        tree.set(path.relative(root, absolute).split(path.sep).join('/'), await readFile(absolute));
      }
    }
  };
  await walk(root);
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every directory under `root` (itself included) that holds files, for watching. */
export function directoriesOf(tree: Tree): string[] {
  return [...new Set([...tree.keys()].map((file) => path.posix.dirname(file)))].sort();
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface TreeDiff {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

export function diffTrees(before: Tree, after: Tree): TreeDiff {
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [file, bytes] of before) {
    const now = after.get(file);
    if (now === undefined) removed.push(file);
    else if (!now.equals(bytes)) changed.push(file);
  }
  const added = [...after.keys()].filter((file) => !before.has(file));
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [file, bytes] of tree) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

/** Build output and dependency folders that `unblock fix` skips; renamed when real code is copied in as data. */
const IGNORED_SEGMENTS = new Set(['dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output']);

/** `node_modules/x/dist/y.js` → `nm/x/dist-src/y.js`: a path `unblock fix` does not skip. */
export function neutralPath(relative: string): string {
  return relative
    .split(/[\\/]/)
    .map((segment, index, all) => (segment === 'node_modules' ? 'nm' : index < all.length - 1 && IGNORED_SEGMENTS.has(segment) ? `${segment}-src` : segment))
    .join('/');
}

/**
 * Copies a package directory as data: no nested node_modules, no symbolic links. With `renameBuildDirs`,
 * `dist/` and the like become `dist-src/`, so that code published only as build output is still fixed.
 */
export function copyPackage(source: string, destination: string, renameBuildDirs = false): number {
  let files = 0;
  const walk = (from: string, to: string): void => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isSymbolicLink() || entry.name === 'node_modules' || entry.name === '.git') continue;
      const name = renameBuildDirs && entry.isDirectory() && IGNORED_SEGMENTS.has(entry.name) ? `${entry.name}-src` : entry.name;
      if (entry.isDirectory()) walk(path.join(from, entry.name), path.join(to, name));
      else if (entry.isFile()) {
        mkdirSync(to, { recursive: true });
        cpSync(path.join(from, entry.name), path.join(to, name));
        files++;
      }
    }
  };
  walk(source, destination);
  return files;
}

// ---------------------------------------------------------------------------------------------
// Running the fix

export interface FixCommand {
  /** node and its arguments up to (not including) `fix`. */
  readonly argv: readonly string[];
  /** `dist` (the build) or `source` (the TypeScript sources through tsx's loader). */
  readonly label: 'dist' | 'source';
}

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The `unblock` bin as a user runs it: dist/ when it is built and newer than every source file,
 * otherwise cli/bin.ts through tsx's loader — in the same process (`node --import`), so
 * that a signal reaches the process doing the writes. UNBLOCK_FIX_BIN=dist|source forces one.
 */
export function fixCommand(nodeFlags: readonly string[] = []): FixCommand {
  const distBin = path.join(repoRoot, 'dist', 'cli', 'bin.js');
  const buildInfo = path.join(repoRoot, 'dist', '.tsbuildinfo');
  const forced = process.env['UNBLOCK_FIX_BIN'];
  const fresh =
    existsSync(path.join(repoRoot, 'dist', 'cli', 'fix', 'command.js')) &&
    existsSync(buildInfo) &&
    Math.max(...['analysis', 'rules', 'codemods', 'cli'].map((dir) => path.join(repoRoot, dir)).filter((dir) => existsSync(dir)).map(newestMtime)) <= statSync(buildInfo).mtimeMs;
  if (forced === 'dist' || (forced !== 'source' && fresh)) return { argv: [process.execPath, ...nodeFlags, distBin], label: 'dist' };
  const loader = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  return { argv: [process.execPath, ...nodeFlags, '--import', `file://${loader}`, path.join(repoRoot, 'cli', 'bin.ts')], label: 'source' };
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `unblock <args>` as a child process in `cwd`. */
export function runBin(command: FixCommand, args: readonly string[], cwd: string): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command.argv[0]!, [...command.argv.slice(1), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs `unblock <args>` in this process (cli/main.ts), without a progress bar. */
export async function runInProcess(args: readonly string[], cwd: string): Promise<CliResult> {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, signal: null, stdout, stderr, ms: Date.now() - started };
}

/** The parts of `unblock fix --json` these checks read. */
export interface JsonFixReport {
  readonly summary: { filesChecked: number; filesChanged: number; sitesFixed: number; sitesLeft: number; errors: number };
  readonly files: ReadonlyArray<{ file: string; changed: boolean; fixed: readonly unknown[]; left: readonly unknown[] }>;
  readonly errors: ReadonlyArray<{ file: string; kind: string; message: string }>;
}

/** A directory for scratch runs whose fsync costs nothing: RAM-backed where there is one. */
async function fastTempDir(prefix: string): Promise<string> {
  const shm = '/dev/shm';
  const ram = await access(shm, constants.W_OK).then(
    () => true,
    () => false,
  );
  return ram ? mkdtemp(path.join(shm, `unblock-${prefix}-`)) : mkdtemp(path.join(tmpdir(), `unblock-${prefix}-`));
}

/**
 * What a completed `unblock fix --force .` writes for `tree`: the files it changes, with their new
 * bytes. Runs the CLI in this process on a copy in a RAM-backed directory, so the reference costs
 * the analysis and not thousands of fsyncs.
 */
export async function completedOutputs(tree: Tree): Promise<Tree> {
  const root = await fastTempDir('completed');
  try {
    await writeTree(root, tree);
    const run = await runInProcess(['fix', '--force', '--include-generated', '.'], root);
    if (run.code !== 0 && run.code !== 1) throw new Error(`unblock fix exited ${run.code}:\n${run.stderr}`);
    const after = await readTree(root);
    return new Map([...after].filter(([file, bytes]) => tree.has(file) && !tree.get(file)!.equals(bytes)));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// A fix run on real code: parse, consistency, idempotence

export interface RunFix {
  (root: string, reportFile: string): Promise<CliResult>;
}

export function binRunner(command: FixCommand): RunFix {
  return (root, reportFile) => runBin(command, ['fix', '--force', '--include-generated', '.', `--json=${reportFile}`], root);
}

export const inProcessRunner: RunFix = (root, reportFile) => runInProcess(['fix', '--force', '--include-generated', '.', `--json=${reportFile}`], root);

export interface FixCheck {
  readonly name: string;
  readonly filesChecked: number;
  readonly rewritten: number;
  readonly sitesFixed: number;
  readonly sitesLeft: number;
  /** Inputs that did not parse: reported by fix, and they must be left byte for byte. */
  readonly unparsableInputs: number;
  readonly exitCode: number | null;
  /** Rewritten files that do not parse: must be empty. */
  readonly parseFailures: Array<{ file: string; message: string }>;
  /** Files whose bytes changed but the report does not say so, or the other way round: must be empty. */
  readonly reportMismatches: string[];
  /** Files a failed (parse, crash, read, write) file entry names that were nonetheless changed: must be empty. */
  readonly failedButChanged: string[];
  /** Names a rewritten file reads that nothing defines, and that the original did not read: must be empty. */
  readonly newUndefined: Array<{ file: string; names: string[] }>;
  /** Rewritten files whose permission bits changed: must be empty. */
  readonly modeChanges: string[];
  /** Files created or removed by the run (temp files left behind, say): must be empty. */
  readonly strayFiles: string[];
  /** Files the second run changed: must be empty. */
  readonly secondRunChanges: string[];
  readonly secondRunReportedChanges: number;
  readonly ms: number;
  /** The tree as the first run left it. */
  readonly afterFirstRun: Tree;
}

async function readReport(file: string, run: CliResult): Promise<JsonFixReport> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`unblock fix wrote no report (exit ${run.code ?? run.signal}):\n${run.stderr}`);
  });
  return JSON.parse(text) as JsonFixReport;
}

/** Runs the fix twice on `root` and checks what each run left on disk against its report. */
export async function checkFixRun(name: string, root: string, run: RunFix, reportDir: string): Promise<FixCheck> {
  const before = await readTree(root);
  const modes = new Map([...before.keys()].map((file) => [file, statSync(path.join(root, file)).mode]));
  const firstReport = path.join(reportDir, `${name.replaceAll(/[^\w.-]/g, '_')}-1.json`);
  const first = await run(root, firstReport);
  const after = await readTree(root);
  const diff = diffTrees(before, after);
  const report = await readReport(firstReport, first);

  const parseFailures: FixCheck['parseFailures'] = [];
  for (const file of diff.changed) {
    const outcome = parses(after.get(file)!.toString('utf8'), path.join(root, file));
    if (!outcome.ok) parseFailures.push({ file, message: `${outcome.message} (${outcome.line ?? '?'}:${outcome.column ?? '?'})` });
  }
  const newUndefined: FixCheck['newUndefined'] = [];
  for (const file of diff.changed) {
    const names = newErrors(undefinedNames(before.get(file)!.toString('utf8'), file), undefinedNames(after.get(file)!.toString('utf8'), file));
    if (names.length > 0) newUndefined.push({ file, names: [...new Set(names)] });
  }
  const modeChanges = diff.changed.filter((file) => statSync(path.join(root, file)).mode !== modes.get(file));
  const reported = new Set(report.files.filter((file) => file.changed).map((file) => file.file));
  const changedSet = new Set(diff.changed);
  const reportMismatches = [...new Set([...reported, ...changedSet])].filter((file) => reported.has(file) !== changedSet.has(file)).sort();
  const failedButChanged = [...new Set(report.errors.filter((error) => error.kind !== 'reparse').map((error) => error.file))].filter((file) => changedSet.has(file));

  const secondReport = path.join(reportDir, `${name.replaceAll(/[^\w.-]/g, '_')}-2.json`);
  const second = await run(root, secondReport);
  const again = diffTrees(after, await readTree(root));
  const report2 = await readReport(secondReport, second);
  return {
    name,
    filesChecked: report.summary.filesChecked,
    rewritten: diff.changed.length,
    sitesFixed: report.summary.sitesFixed,
    sitesLeft: report.summary.sitesLeft,
    unparsableInputs: report.errors.filter((error) => error.kind === 'parse').length,
    exitCode: first.code,
    parseFailures,
    reportMismatches,
    failedButChanged,
    newUndefined,
    modeChanges,
    strayFiles: [...diff.added, ...diff.removed],
    secondRunChanges: [...again.changed, ...again.added, ...again.removed],
    secondRunReportedChanges: report2.summary.filesChanged,
    ms: first.ms,
    afterFirstRun: after,
  };
}

export function fixCheckProblems(check: FixCheck): string[] {
  const problems: string[] = [];
  for (const failure of check.parseFailures) problems.push(`${check.name}: ${failure.file} does not parse after the fix: ${failure.message}`);
  for (const file of check.reportMismatches) problems.push(`${check.name}: ${file}: its bytes and the report disagree on whether it changed`);
  for (const file of check.failedButChanged) problems.push(`${check.name}: ${file} failed but was changed`);
  for (const { file, names } of check.newUndefined) problems.push(`${check.name}: ${file} now uses ${names.join(', ')}, which nothing defines`);
  for (const file of check.modeChanges) problems.push(`${check.name}: ${file} lost its permission bits`);
  for (const file of check.strayFiles) problems.push(`${check.name}: ${file} appeared or disappeared`);
  for (const file of check.secondRunChanges) problems.push(`${check.name}: the second run changed ${file}`);
  if (check.secondRunReportedChanges > 0) problems.push(`${check.name}: the second run reported ${check.secondRunReportedChanges} changed files`);
  return problems;
}

// The filesystem root as cwd: a flat config only applies to files inside its cwd.
const undefinedLinter = new Linter({ configType: 'flat', cwd: path.parse(process.cwd()).root });

/**
 * The free names `source` reads that no scope or Node global defines (ESLint's no-undef), one entry
 * per reference. Compared before and after a rewrite, a new one is a binding the codemod used but
 * never imported or declared: a ReferenceError waiting for its line to run.
 */
export function undefinedNames(source: string, file: string): string[] {
  const extension = path.extname(file) || '.js';
  const messages = undefinedLinter.verify(
    source,
    [
      {
        files: ['**/*'],
        languageOptions: { ...parserLanguageOptions(sourceTypeOf(file)), globals: { ...globals.node, ...globals.es2021 } },
        // A file's own `/* eslint-disable */` or `/* global */` must not hide what the rewrite broke.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        rules: { 'no-undef': 'error' },
      },
    ],
    { filename: path.join(path.parse(process.cwd()).root, 'robustness', `file${extension}`) },
  );
  return messages
    .filter((message) => message.ruleId === 'no-undef')
    .map((message) => /'(.+)' is not defined/.exec(message.message)?.[1] ?? message.message)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Type checking

/** `tsc -p <dir> --noEmit`, through the compiler API: one line per diagnostic, without positions (a rewrite moves lines). */
export function typeErrors(projectDir: string): string[] {
  const configPath = path.join(projectDir, 'tsconfig.json');
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, host);
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const file = diagnostic.file ? path.relative(projectDir, diagnostic.file.fileName).split(path.sep).join('/') : '(project)';
      return `${file}: TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    })
    .sort();
}

/** Diagnostics in `after` that `before` does not have (as a multiset). */
export function newErrors(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const error of before) counts.set(error, (counts.get(error) ?? 0) + 1);
  const added: string[] = [];
  for (const error of after) {
    const left = counts.get(error) ?? 0;
    if (left > 0) counts.set(error, left - 1);
    else added.push(error);
  }
  return added;
}

// ---------------------------------------------------------------------------------------------
// Killing a run

export type KillSignal = 'SIGINT' | 'SIGKILL';

export type KillMoment =
  /** This many ms after the run's first write. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** As soon as the n-th temporary file appears: a write is in progress. */
  | { readonly kind: 'temp-file'; readonly n: number };

export interface FileState {
  /** Files equal to the original and meant to change: the run had not got to them. */
  readonly old: number;
  /** Files equal to the completed run's output. */
  readonly new: number;
  /** Files the completed run leaves as they are, still as they are. */
  readonly untouched: number;
  /** Neither the original nor the completed output: must be empty. */
  readonly torn: string[];
  readonly missing: string[];
  /** Recognisable temporary files left behind, with how their bytes relate to the new file. */
  readonly tempFiles: Array<{ file: string; bytes: number; target: string; content: 'new' | 'prefix-of-new' | 'other' }>;
  /** Any other file that was not there before: must be empty. */
  readonly strayFiles: string[];
  /**
   * Callers left old while the function they call was made async in its (new) module: each file is
   * whole, but together they are a program that no longer works. Not an atomicity failure of a
   * file; reported, not asserted.
   */
  readonly halfDone: string[];
}

/** Compares each file under `root` with the original and with the output of a completed run. */
export async function classifyTree(root: string, original: Tree, completed: Tree, pairs: ReadonlyArray<readonly [string, string]> = []): Promise<FileState> {
  const now = await readTree(root);
  let old = 0;
  let fresh = 0;
  let untouched = 0;
  const torn: string[] = [];
  const missing: string[] = [];
  for (const [file, bytes] of original) {
    const current = now.get(file);
    const output = completed.get(file) ?? bytes;
    if (current === undefined) missing.push(file);
    else if (output.equals(bytes)) {
      if (current.equals(bytes)) untouched++;
      else torn.push(file);
    } else if (current.equals(bytes)) old++;
    else if (current.equals(output)) fresh++;
    else torn.push(file);
  }
  const tempFiles: FileState['tempFiles'] = [];
  const strayFiles: string[] = [];
  for (const [file, bytes] of now) {
    if (original.has(file)) continue;
    const match = TEMP_FILE.exec(path.posix.basename(file));
    if (!match) {
      strayFiles.push(file);
      continue;
    }
    const target = path.posix.join(path.posix.dirname(file), match[1]!);
    const output = completed.get(target) ?? original.get(target);
    const content = output?.equals(bytes) ? 'new' : output && output.subarray(0, bytes.length).equals(bytes) ? 'prefix-of-new' : 'other';
    tempFiles.push({ file, bytes: bytes.length, target, content });
  }
  const isNew = (file: string): boolean => completed.has(file) && now.get(file)?.equals(completed.get(file)!) === true;
  const isOld = (file: string): boolean => completed.has(file) && now.get(file)?.equals(original.get(file)!) === true;
  const halfDone = pairs.filter(([callee, caller]) => isNew(callee) && isOld(caller)).map(([, caller]) => caller);
  return { old, new: fresh, untouched, torn, missing, tempFiles, strayFiles, halfDone };
}

export interface KillTrial {
  readonly signal: KillSignal;
  readonly moment: KillMoment;
  /** The run ended on its own before the signal was sent. */
  readonly finishedFirst: boolean;
  /** ms from spawn to the first write seen, and to the signal. */
  readonly firstWriteMs?: number;
  readonly killedAtMs?: number;
  readonly exitCode: number | null;
  readonly exitSignal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly state: FileState;
}

export interface KillTrialOptions {
  readonly command: FixCommand;
  /** A fresh copy of the project, to be killed in. */
  readonly root: string;
  readonly original: Tree;
  readonly completed: Tree;
  readonly signal: KillSignal;
  readonly moment: KillMoment;
  /** Give up (and SIGKILL) if nothing is written within this long. */
  readonly timeoutMs?: number;
  /** [callee module, caller module] pairs to check for half-done cross-file rewrites. */
  readonly pairs?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Spawns `unblock fix --force .` in `root`, watches every directory for the run's writes, sends
 * `signal` at `moment`, waits for the process to end, and classifies every file.
 */
export async function killTrial(options: KillTrialOptions): Promise<KillTrial> {
  const { command, root, signal, moment } = options;
  const started = Date.now();
  const child = spawn(command.argv[0]!, [...command.argv.slice(1), 'fix', '--force', '--include-generated', '.'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, exitSignal) => resolve({ code, signal: exitSignal })));
  let done = false;
  void exited.then(() => (done = true));

  let firstWriteMs: number | undefined;
  let killedAtMs: number | undefined;
  let finishedFirst = false;
  const tempSeen = new Set<string>();
  const watchers: FSWatcher[] = [];
  let delayTimer: NodeJS.Timeout | undefined;
  const kill = (): void => {
    if (killedAtMs !== undefined || done) return;
    killedAtMs = Date.now() - started;
    child.kill(signal);
  };
  const onEvent = (directory: string, name: string | null): void => {
    if (name === null || killedAtMs !== undefined) return;
    if (firstWriteMs === undefined) {
      firstWriteMs = Date.now() - started;
      if (moment.kind === 'delay') delayTimer = setTimeout(kill, moment.ms);
    }
    if (moment.kind === 'temp-file' && TEMP_FILE.test(name)) {
      tempSeen.add(`${directory}/${name}`);
      if (tempSeen.size >= moment.n) kill();
    }
  };
  for (const directory of directoriesOf(options.original)) {
    watchers.push(watch(path.join(root, directory), (_event, name) => onEvent(directory, typeof name === 'string' ? name : null)));
  }
  const timeout = setTimeout(() => {
    if (!done) child.kill('SIGKILL');
  }, options.timeoutMs ?? 300_000);
  const exit = await exited;
  clearTimeout(timeout);
  if (delayTimer) clearTimeout(delayTimer);
  for (const watcher of watchers) watcher.close();
  if (killedAtMs === undefined) finishedFirst = true;
  return {
    signal,
    moment,
    finishedFirst,
    ...(firstWriteMs === undefined ? {} : { firstWriteMs }),
    ...(killedAtMs === undefined ? {} : { killedAtMs }),
    exitCode: exit.code,
    exitSignal: exit.signal,
    stderr,
    state: await classifyTree(root, options.original, options.completed, options.pairs),
  };
}

/** True when the CLI handled the signal as a user expects of Ctrl-C: exit status 130, no temp files. */
export function handledGracefully(trial: KillTrial): boolean {
  return trial.exitCode === 130 && trial.exitSignal === null && trial.state.tempFiles.length === 0;
}

export function describeTrial(trial: KillTrial): string {
  const when = trial.moment.kind === 'delay' ? `${trial.moment.ms} ms after the first write` : `at temp file #${trial.moment.n}`;
  const exit = trial.exitSignal ? `killed by ${trial.exitSignal}` : `exit ${trial.exitCode}`;
  const temps = trial.state.tempFiles.map((temp) => `${temp.file} (${temp.bytes} B, ${temp.content})`).join(', ');
  return (
    `${trial.signal} ${when}${trial.finishedFirst ? ' (finished first)' : ''}: ${exit}; ` +
    `${trial.state.new} new, ${trial.state.old} old, ${trial.state.untouched} untouched, ${trial.state.torn.length} torn, ` +
    `${trial.state.missing.length} missing, ${trial.state.tempFiles.length} temp files${temps ? ` [${temps}]` : ''}, ${trial.state.strayFiles.length} stray, ` +
    `${trial.state.halfDone.length} callers left un-awaited`
  );
}


// ---------------------------------------------------------------------------------------------
// A package's own test suite

export interface TestSuiteRun {
  readonly pass: number;
  readonly fail: number;
  /** Names of the failing tests (and subtests), sorted. */
  readonly failing: string[];
  readonly exitCode: number | null;
  readonly ms: number;
}

/** `node --test <files>` in `cwd`, read from its TAP output. */
export function runNodeTests(cwd: string, files: readonly string[], timeoutMs = 600_000): Promise<TestSuiteRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=tap', ...files], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const count = (label: string): number => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? Number.NaN);
      const failing = [...output.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((match) => match[1]!.trim()).sort();
      resolve({ pass: count('pass'), fail: count('fail'), failing, exitCode: code, ms: Date.now() - started });
    });
  });
}

/** Tests that fail after but did not before. */
export function newFailures(before: TestSuiteRun, after: TestSuiteRun): string[] {
  return newErrors(before.failing, after.failing);
}
