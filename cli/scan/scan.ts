import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { collectFiles } from '../files.js';
import { baselineEntries, checkBaselineTarget, matchBaseline, readBaseline, writeBaseline } from './baseline.js';
import { scanConfig, typedScanConfig } from './config.js';
import { locateFindings, type LocatedFinding } from './fingerprint.js';
import { findingLimit, type FindingLimit } from './limit.js';
import { recommendedScanRules } from './recommended-rules.js';
import { projectConfigFor, writeTypedProgram } from './typed-program.js';

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
  /**
   * `--typed` / `--no-typed`: run the type-checked rules on a TypeScript program of the files
   * (JavaScript included). Undefined: typed when a tsconfig.json or jsconfig.json governs the files.
   */
  readonly typed?: boolean | undefined;
}

/** How the scan read the files: with a TypeScript program (and which config it extends), or by syntax alone. */
export type ScanMode = { readonly kind: 'typed'; readonly basedOn?: string } | { readonly kind: 'syntax' };

export interface ParseFailure {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** What a baseline did to this run. */
export type BaselineUse =
  | { readonly kind: 'read'; readonly file: string; readonly suppressed: number; readonly stale: number }
  | { readonly kind: 'written'; readonly file: string; readonly recorded: number };

export interface ScanReport {
  /** ESLint results holding only the reported unblock findings and parse failures. */
  readonly results: ESLint.LintResult[];
  readonly filesScanned: number;
  /** Findings reported: those a baseline suppressed are not counted. */
  readonly findings: number;
  /** The reported findings with the line text and occurrence that fingerprint them, in results order. */
  readonly located: readonly LocatedFinding[];
  readonly parseFailures: readonly ParseFailure[];
  readonly missing: readonly string[];
  readonly skipped: readonly string[];
  readonly baseline?: BaselineUse;
  readonly limit?: FindingLimit;
  readonly mode: ScanMode;
}

interface Linted {
  readonly results: ESLint.LintResult[];
  readonly files: readonly string[];
  readonly parseFailures: readonly ParseFailure[];
  readonly missing: readonly string[];
  readonly skipped: readonly string[];
  readonly mode: ScanMode;
}

/** Lints the given paths with the recommended rules (type-checked ones when `typed`) and no user configuration. */
async function lintPaths(paths: readonly string[], cwd: string, typed: boolean | undefined): Promise<Linted> {
  const { files, missing, skipped } = await collectFiles(paths, cwd);
  const basedOn = await projectConfigFor(path.resolve(cwd, paths[0] ?? '.'));
  const useTypes = typed ?? basedOn !== undefined;
  if (files.length === 0) return { results: [], files, parseFailures: [], missing, skipped, mode: { kind: useTypes ? 'typed' : 'syntax' } };

  const program = useTypes ? await writeTypedProgram(files, cwd, basedOn) : undefined;
  let raw: ESLint.LintResult[];
  try {
    const eslint = new ESLint({
      // The filesystem root as ESLint's cwd keeps every given file "inside the base path",
      // wherever on disk the user pointed us; file discovery already happened above.
      cwd: path.parse(path.resolve(cwd)).root,
      overrideConfigFile: true,
      overrideConfig: program ? typedScanConfig(program.tsconfig) : scanConfig(recommendedScanRules()),
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
    raw = await eslint.lintFiles(files);
  } finally {
    await program?.dispose();
  }

  const parseFailures: ParseFailure[] = [];
  const results = raw.map((result) => {
    // Keep unblock's findings and parse failures; users' inline directives for other rules are noise here.
    const messages = result.messages.filter((message) => message.fatal || message.ruleId?.startsWith('unblock/'));
    for (const message of messages) {
      if (message.fatal) parseFailures.push({ file: result.filePath, line: message.line, column: message.column, message: message.message });
    }
    return withMessages(result, messages);
  });
  return { results, files, parseFailures, missing, skipped, mode: program ? { kind: 'typed', ...(program.basedOn ? { basedOn: program.basedOn } : {}) } : { kind: 'syntax' } };
}

/** The result with only `messages`, its counts to match. */
function withMessages(result: ESLint.LintResult, messages: Linter.LintMessage[]): ESLint.LintResult {
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

/**
 * Lints the given paths with the recommended rules and no user configuration, then applies the CI
 * gates: a baseline to read or write, and a limit on the findings. Bad options and unusable
 * baseline files are errors that name the option, thrown before anything is linted.
 */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new Error('--baseline and --write-baseline cannot be used together: write the baseline in one run, then scan against it');
  }
  const limit = findingLimit(options);
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline, options.cwd);
  const write = options.writeBaseline === undefined ? undefined : { given: options.writeBaseline, path: await checkBaselineTarget(options.writeBaseline, options.cwd) };

  const linted = await lintPaths(options.paths, options.cwd, options.typed);
  const located = await locateFindings(linted.results);
  const unreadable = new Set(linted.parseFailures.map((failure) => failure.file));

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

  return {
    results: reported === located ? linted.results : onlyReported(linted.results, reported),
    filesScanned: linted.files.length,
    findings: reported.length,
    located: reported,
    parseFailures: linted.parseFailures,
    missing: linted.missing,
    skipped: linted.skipped,
    ...(use ? { baseline: use } : {}),
    ...(limit ? { limit } : {}),
    mode: linted.mode,
  };
}

/** The results with only the reported findings (and the parse failures) left in them. */
function onlyReported(results: readonly ESLint.LintResult[], reported: readonly LocatedFinding[]): ESLint.LintResult[] {
  const keep = new Set(reported.map((finding) => finding.message));
  return results.map((result) => withMessages(result, result.messages.filter((message) => message.fatal || keep.has(message))));
}

/**
 * 1 when more blocking calls were reported than allowed (none, without --max-findings); otherwise 2
 * when something could not be read or there was nothing to scan; else 0.
 */
export function scanExitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.findings > (report.limit?.max ?? 0)) return 1;
  if (report.parseFailures.length > 0 || report.missing.length > 0 || report.filesScanned === 0) return 2;
  return 0;
}
