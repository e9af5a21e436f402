import path from 'node:path';

import { ESLint } from 'eslint';

import { collectFiles } from './files.js';
import { scanConfig } from './scan-config.js';
import { recommendedScanRules } from './scan-rules.js';

export type ScanFormat = 'json' | 'stylish';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
}

export interface ParseFailure {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ScanReport {
  /** ESLint results holding only unblock findings and parse failures. */
  readonly results: ESLint.LintResult[];
  readonly filesScanned: number;
  readonly findings: number;
  readonly parseFailures: readonly ParseFailure[];
  readonly missing: readonly string[];
  readonly skipped: readonly string[];
}

/** Lints the given paths with the recommended rules and no user configuration. */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const { files, missing, skipped } = await collectFiles(options.paths, options.cwd);
  if (files.length === 0) return { results: [], filesScanned: 0, findings: 0, parseFailures: [], missing, skipped };

  const eslint = new ESLint({
    // The filesystem root as ESLint's cwd keeps every given file "inside the base path",
    // wherever on disk the user pointed us; file discovery already happened above.
    cwd: path.parse(path.resolve(options.cwd)).root,
    overrideConfigFile: true,
    overrideConfig: scanConfig(recommendedScanRules()),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  const raw = await eslint.lintFiles(files);

  const parseFailures: ParseFailure[] = [];
  let findings = 0;
  const results = raw.map((result) => {
    // Keep unblock's findings and parse failures; users' inline directives for other rules are noise here.
    const messages = result.messages.filter((message) => message.fatal || message.ruleId?.startsWith('unblock/'));
    for (const message of messages) {
      if (message.fatal) parseFailures.push({ file: result.filePath, line: message.line, column: message.column, message: message.message });
      else findings++;
    }
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
  });
  return { results, filesScanned: files.length, findings, parseFailures, missing, skipped };
}

/** 1 when anything blocking was found; 2 when nothing was found but something could not be read; else 0. */
export function scanExitCode(report: ScanReport): 0 | 1 | 2 {
  if (report.findings > 0) return 1;
  if (report.parseFailures.length > 0 || report.missing.length > 0 || report.filesScanned === 0) return 2;
  return 0;
}
