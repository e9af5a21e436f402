// Reads and lints the files `unblock scan` was given. Each is read here first, so that one file
// that cannot be read (permissions, a file removed mid-run) costs only itself: it is reported and
// every other file is still linted. Then the files the cache has no findings for are linted, on
// this thread or on several (lint-threads.ts).

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { deepestNesting, isStackOverflowMessage, tooDeepMessage } from '../../analysis/nesting-depth.js';
import { collectFiles } from '../files.js';
import { readAhead } from '../read-ahead.js';
import { lintInOrder } from './lint-in-order.js';
import type { ProgressFactory } from '../progress.js';
import { generatedReason, type GeneratedFile } from '../generated-code.js';
import { filesInShard, type Shard } from '../../codemods/engine/shard.js';
import { ScanCache } from './cache.js';
import { threadCount, type Concurrency } from './concurrency.js';
import { scanEslintOptions, type ScanEslintSettings } from './eslint-options.js';
import { LintThreads, threadsLoadable } from './lint-threads.js';
import { recommendedScanRules, recommendedTypeCheckedScanRules } from './recommended-rules.js';
import { projectConfigFor, writeTypedProgram } from './typed-program.js';

export interface ParseFailure {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A file that was found but could not be read; it was not scanned. */
export interface ReadFailure {
  readonly file: string;
  readonly message: string;
}

/** What could not be scanned, and why: the paths, the files found, the files read. */
export interface InputProblems {
  readonly parseFailures: readonly ParseFailure[];
  /** Files found but not readable (permissions): not scanned, and every other file still was. */
  readonly unreadable: readonly ReadFailure[];
  /** Files found in a directory that look generated or minified: read, but not linted (see cli/generated-code.ts). */
  readonly generated: readonly GeneratedFile[];
  /** Arguments that name nothing on disk. */
  readonly missing: readonly string[];
  /** Those of `missing` that are symbolic link loops. */
  readonly loops: ReadonlySet<string>;
  /** Arguments that are files but not JavaScript or TypeScript. */
  readonly skipped: readonly string[];
}

/** How the scan read the files: with a TypeScript program (and which config it extends), or by syntax alone. */
export type ScanMode = { readonly kind: 'typed'; readonly basedOn?: string } | { readonly kind: 'syntax' };

export interface LintOptions {
  /** Also lint files found in a directory that look generated or minified. */
  readonly includeGenerated?: boolean | undefined;
  /** Use a TypeScript program of the files; undefined: when a tsconfig.json or jsconfig.json governs them. */
  readonly typed?: boolean | undefined;
  /** Lint on several threads (concurrency.ts). Default: one. */
  readonly concurrency?: Concurrency | undefined;
  /** Keep findings between runs in this file (cache.ts). */
  readonly cacheFile?: string | undefined;
  /** Only this shard of the files found (the same split as `unblock fix --shard`). */
  readonly shard?: Shard | undefined;
  /** A progress display for the files being linted (a terminal's; none in tests and pipes). */
  readonly progress?: ProgressFactory | undefined;
}

/** How the run went about it, for the summary. */
export interface LintRun {
  /** Threads the files were linted on (1: this one). */
  readonly threads: number;
  /** Files whose findings came from the cache. */
  readonly fromCache: number;
}

export interface Linted extends InputProblems {
  /** ESLint results holding only unblock's findings and parse failures. */
  readonly results: ESLint.LintResult[];
  /** Every file found (in the shard), read or not. */
  readonly files: readonly string[];
  readonly mode: ScanMode;
  readonly run: LintRun;
}

/**
 * Lints the given paths with the recommended rules (the type-checked ones when typed) and no user
 * configuration. Every file is read here first, so that one that cannot be read costs only itself;
 * files found in a directory that look generated or minified are left out unless
 * `includeGenerated`; findings of files whose key is unchanged come from the cache.
 */
export async function lintPaths(paths: readonly string[], cwd: string, options: LintOptions = {}): Promise<Linted> {
  // Threads start first and get ready while the files are found and read (lint-threads.ts). Not
  // with a cache: a run it answers whole would have started them for nothing.
  const wanted = threadCount(options.concurrency ?? 'off', Infinity);
  const early = options.cacheFile === undefined && threadsLoadable() && wanted > 1 ? LintThreads.start(wanted) : undefined;
  try {
    return await lintFound(paths, cwd, options, early);
  } finally {
    await early?.close();
  }
}

async function lintFound(paths: readonly string[], cwd: string, options: LintOptions, early: LintThreads | undefined): Promise<Linted> {
  const collected = await collectFiles(paths, cwd);
  const { named, missing, loops, skipped } = collected;
  const files = options.shard ? filesInShard(collected.files, options.shard, cwd) : collected.files;
  const basedOn = await projectConfigFor(path.resolve(cwd, paths[0] ?? '.'));
  const useTypes = options.typed ?? basedOn !== undefined;
  const unreadable: ReadFailure[] = [];
  const generated: GeneratedFile[] = [];
  const problems = { files, unreadable, generated, missing, loops, skipped };
  if (files.length === 0) return { ...problems, results: [], parseFailures: [], mode: { kind: useTypes ? 'typed' : 'syntax' }, run: { threads: 1, fromCache: 0 } };

  const cache = options.cacheFile === undefined ? undefined : await ScanCache.open(options.cacheFile, { typed: useTypes, basedOn, rules: useTypes ? recommendedTypeCheckedScanRules() : recommendedScanRules() });
  // Read every file once before linting: what cannot be read or looks generated is set aside, and
  // the cache learns each file's text and imports. Texts are not kept: a big tree would not fit.
  const toLint: string[] = [];
  for await (const read of readAhead(files)) {
    const { file } = read;
    if ('error' in read) {
      unreadable.push({ file, message: read.error });
      continue;
    }
    const { text } = read;
    const reason = options.includeGenerated || named.has(file) ? undefined : generatedReason(text);
    if (reason !== undefined) {
      generated.push({ file, reason });
      continue;
    }
    cache?.add(file, text);
    toLint.push(file);
  }

  const byFile = new Map<string, ESLint.LintResult>();
  const misses = toLint.filter((file) => {
    const messages = cache?.lookup(file);
    if (messages) byFile.set(file, withMessages(emptyResult(file), messages));
    return messages === undefined;
  });

  // Run from the TypeScript sources (the tests), a thread could not load its script: one thread then.
  const threads = misses.length === 0 || !threadsLoadable() ? 1 : threadCount(options.concurrency ?? 'off', misses.length);

  const program = useTypes && misses.length > 0 ? await writeTypedProgram(toLint, cwd, basedOn) : undefined;
  try {
    const settings = { cwd, tsconfig: program?.tsconfig };
    for (const result of await lintMisses(misses, settings, threads, early, unreadable, options.progress)) {
      const messages = result.messages.filter((message) => isParseFailure(message) || message.ruleId?.startsWith('unblock/'));
      cache?.store(result.filePath, messages);
      byFile.set(result.filePath, withMessages(result, messages));
    }
  } finally {
    await program?.dispose();
  }
  await cache?.save();

  const results: ESLint.LintResult[] = [];
  const parseFailures: ParseFailure[] = [];
  for (const file of toLint) {
    const result = byFile.get(file);
    if (!result) continue;
    const messages: Linter.LintMessage[] = [];
    for (const message of result.messages) messages.push(message.fatal && isStackOverflowMessage(message.message) ? await tooDeep(message, file) : message);
    for (const message of messages) {
      if (message.fatal) parseFailures.push({ file, line: message.line, column: message.column, message: message.message });
    }
    results.push(withMessages(result, messages));
  }
  return {
    ...problems,
    results,
    parseFailures,
    mode: program || (useTypes && misses.length === 0) ? { kind: 'typed', ...(program?.basedOn ? { basedOn: program.basedOn } : basedOn ? { basedOn } : {}) } : { kind: 'syntax' },
    run: { threads, fromCache: toLint.length - misses.length },
  };
}

/**
 * Lints the files on one thread, or on several (lint-threads.ts). A thread that fails costs
 * nothing: the files are then linted here, one at a time, and each that cannot be read any more
 * (removed since it was read above) is reported alone.
 */
async function lintMisses(files: readonly string[], settings: ScanEslintSettings, threads: number, started: LintThreads | undefined, unreadable: ReadFailure[], progressFactory: ProgressFactory | undefined): Promise<ESLint.LintResult[]> {
  if (files.length === 0) return [];
  if (threads > 1) {
    const progress = progressFactory?.(files.length, 'unblock scan');
    const pool = started ?? LintThreads.start(threads);
    try {
      const linted = await pool.lint(files, settings, threads, progress);
      unreadable.push(...linted.unreadable);
      return linted.results;
    } catch {
      // Linted again below, on this thread.
    } finally {
      progress?.stop();
      if (!started) await pool.close();
    }
  }
  const progress = progressFactory?.(files.length, 'unblock scan');
  try {
    const linted = await lintInOrder(new ESLint(scanEslintOptions(settings)), files, (file) => progress?.tick(file));
    unreadable.push(...linted.unreadable);
    return linted.results;
  } finally {
    progress?.stop();
  }
}


function emptyResult(filePath: string): ESLint.LintResult {
  return { filePath, messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] };
}

/**
 * ESLint words a parse failure "Parsing error: …". Its other fatal messages are about the file's
 * directive comments: ESLint 9+ rejects the legacy `eslint-env` comment, which older code is
 * full of, and that says nothing about whether the code blocks.
 */
function isParseFailure(message: Linter.LintMessage): boolean {
  return message.fatal === true && message.ruleId === null && message.message.startsWith('Parsing error');
}

/** The parser ran out of stack on deep nesting: say so, where it is deepest, rather than at 0:0. */
async function tooDeep(message: Linter.LintMessage, file: string): Promise<Linter.LintMessage> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return message;
  const point = deepestNesting(text);
  return { ...message, message: tooDeepMessage(point), line: point.line, column: point.column };
}

/** The result with only `messages`, its counts to match. */
export function withMessages(result: ESLint.LintResult, messages: Linter.LintMessage[]): ESLint.LintResult {
  const errorCount = messages.filter((message) => message.severity === 2).length;
  return {
    ...result,
    messages,
    errorCount,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: messages.length - errorCount,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    suppressedMessages: [],
  };
}
