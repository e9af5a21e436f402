import type { ESLint } from 'eslint';

import { baselineEntries, checkBaselineTarget, matchBaseline, readBaseline, writeBaseline } from './baseline.js';
import { locateFindings, type LocatedFinding } from './fingerprint.js';
import { findingLimit, type FindingLimit } from './limit.js';
import { parseShard, type Shard } from '../../codemods/engine/shard.js';
import type { ProgressFactory } from '../progress.js';
import { cacheFileFor } from './cache.js';
import { parseConcurrency } from './concurrency.js';
import { lintPaths, withMessages, type InputProblems, type LintRun, type ScanMode } from './lint.js';

export type { LintRun, ParseFailure, ReadFailure, ScanMode } from './lint.js';

export type ScanFormat = 'json' | 'sarif' | 'stylish';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  /** `--baseline <file>`: report only findings the file does not record. */
  readonly baseline?: string | undefined;
  /** `--write-baseline <file>`: record every finding in the file (and report none of them). */
  readonly writeBaseline?: string | undefined;
  /** `--max-findings <n>` as typed: exit 0 while at most n findings are reported. */
  readonly maxFindings?: string | undefined;
  /** `--max-warnings <n>`: the same, under ESLint's name. */
  readonly maxWarnings?: string | undefined;
  /** `--include-generated`: also lint files that look generated or minified. */
  readonly includeGenerated?: boolean | undefined;
  /**
   * `--typed` / `--no-typed`: run the type-checked rules on a TypeScript program of the files
   * (JavaScript included). Undefined: typed when a tsconfig.json or jsconfig.json governs the files.
   */
  readonly typed?: boolean | undefined;
  /** `--concurrency auto|off|<n>`: threads to lint on. Default: off (one). */
  readonly concurrency?: string | undefined;
  /** `--cache`: keep findings between runs (cache.ts says when they are reused). */
  readonly cache?: boolean | undefined;
  /** `--cache-location <path>`: the cache file, or a directory for it. Implies nothing without --cache. */
  readonly cacheLocation?: string | undefined;
  /** `--shard i/n`: only the files of this shard, split as `unblock fix --shard` splits them. */
  readonly shard?: string | undefined;
  /** A progress display for long runs (a terminal's). */
  readonly progress?: ProgressFactory | undefined;
}

/** What a baseline did to this run. */
export type BaselineUse =
  | { readonly kind: 'read'; readonly file: string; readonly suppressed: number; readonly stale: number }
  | { readonly kind: 'written'; readonly file: string; readonly recorded: number };

export interface ScanReport extends InputProblems {
  /** ESLint results holding only the reported unblock findings and parse failures. */
  readonly results: ESLint.LintResult[];
  /** Files read and linted (those that do not parse included). */
  readonly filesScanned: number;
  /** Findings reported: those a baseline suppressed are not counted. */
  readonly findings: number;
  /** The reported findings with the line text and occurrence that fingerprint them, in results order. */
  readonly located: readonly LocatedFinding[];
  readonly baseline?: BaselineUse;
  readonly limit?: FindingLimit;
  readonly mode: ScanMode;
  readonly run: LintRun;
  readonly shard?: Shard;
}

/**
 * Lints the given paths with the recommended rules and no user configuration, then applies the CI
 * gates: a baseline to read or write, and a limit on the findings. Bad options and unusable
 * baseline files are errors that name the option, thrown before anything is linted.
 */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new Error('--baseline and --write-baseline cannot be used together: write the baseline in one run, then scan against it');
  }
  if (options.shard !== undefined && options.writeBaseline !== undefined) {
    throw new Error('--write-baseline records every blocking call of the run, and with --shard that is one shard\'s: write the baseline from a run without --shard');
  }
  if (options.cacheLocation !== undefined && options.cache !== true) {
    throw new Error('--cache-location names where --cache keeps its file: give --cache too');
  }
  const limit = findingLimit(options);
  const concurrency = options.concurrency === undefined ? undefined : parseConcurrency(options.concurrency);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const cacheFile = options.cache === true ? await cacheFileFor(options.cacheLocation, options.cwd) : undefined;
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline, options.cwd);
  const write = options.writeBaseline === undefined ? undefined : { given: options.writeBaseline, path: await checkBaselineTarget(options.writeBaseline, options.cwd) };

  const linted = await lintPaths(options.paths, options.cwd, { includeGenerated: options.includeGenerated, typed: options.typed, concurrency, cacheFile, shard, progress: options.progress });
  const located = await locateFindings(linted.results);
  const unreadable = new Set([...linted.parseFailures, ...linted.unreadable].map((failure) => failure.file));

  let reported = located;
  let use: BaselineUse | undefined;
  if (write) {
    await writeBaseline(write.given, write.path, baselineEntries(located, write.path));
    // What was just recorded is known: the run reports it no more than a scan against the file would.
    reported = [];
    use = { kind: 'written', file: write.given, recorded: located.length };
  } else if (baseline) {
    const match = await matchBaseline(baseline, located, linted.files, unreadable);
    reported = [...match.kept];
    use = { kind: 'read', file: baseline.given, suppressed: match.suppressed.length, stale: match.stale };
  }

  const { results, files, ...problems } = linted;
  return {
    ...problems,
    results: reported === located ? results : onlyReported(results, reported),
    filesScanned: files.length - linted.unreadable.length - linted.generated.length,
    findings: reported.length,
    located: reported,
    ...(use ? { baseline: use } : {}),
    ...(limit ? { limit } : {}),
    ...(shard ? { shard } : {}),
  };
}

/** The results with only the reported findings (and the parse failures) left in them. */
function onlyReported(results: readonly ESLint.LintResult[], reported: readonly LocatedFinding[]): ESLint.LintResult[] {
  const keep = new Set(reported.map((finding) => finding.message));
  return results.map((result) => withMessages(result, result.messages.filter((message) => message.fatal || keep.has(message))));
}

/**
 * 1 when more blocking calls were reported than allowed (none, without --max-findings); otherwise 2
 * when something could not be read or parsed, or there was nothing to scan; else 0.
 */
export function scanExitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.findings > (report.limit?.max ?? 0)) return 1;
  // A shard with no files is not an error: another shard has them.
  const nothingFound = report.filesScanned === 0 && report.generated.length === 0 && !report.shard;
  if (report.parseFailures.length > 0 || report.unreadable.length > 0 || report.missing.length > 0 || nothingFound) return 2;
  return 0;
}
