// Reads and lints the files `unblock scan` was given, one at a time, so that one file that
// cannot be read (permissions, a file removed mid-run) costs only itself: it is reported and
// every other file is still linted.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { deepestNesting, isStackOverflowMessage, tooDeepMessage } from '../../analysis/nesting-depth.js';
import { collectFiles } from '../files.js';
import { generatedReason, type GeneratedFile } from '../generated-code.js';
import { scanConfig, typedScanConfig } from './config.js';
import { recommendedScanRules } from './recommended-rules.js';
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
}

export interface Linted extends InputProblems {
  /** ESLint results holding only unblock's findings and parse failures. */
  readonly results: ESLint.LintResult[];
  /** Every file found, read or not. */
  readonly files: readonly string[];
  readonly mode: ScanMode;
}

/**
 * Lints the given paths with the recommended rules (the type-checked ones when typed) and no user
 * configuration. Files found in a directory that look generated or minified are left out unless
 * `includeGenerated`.
 */
export async function lintPaths(paths: readonly string[], cwd: string, options: LintOptions = {}): Promise<Linted> {
  const { files, named, missing, loops, skipped } = await collectFiles(paths, cwd);
  const basedOn = await projectConfigFor(path.resolve(cwd, paths[0] ?? '.'));
  const useTypes = options.typed ?? basedOn !== undefined;
  const results: ESLint.LintResult[] = [];
  const parseFailures: ParseFailure[] = [];
  const unreadable: ReadFailure[] = [];
  const generated: GeneratedFile[] = [];
  const problems = { results, files, parseFailures, unreadable, generated, missing, loops, skipped };
  if (files.length === 0) return { ...problems, mode: { kind: useTypes ? 'typed' : 'syntax' } };

  const program = useTypes ? await writeTypedProgram(files, cwd, basedOn) : undefined;
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
    await lintEach(eslint, files, named, options.includeGenerated === true, problems);
  } finally {
    await program?.dispose();
  }
  return { ...problems, mode: program ? { kind: 'typed', ...(program.basedOn ? { basedOn: program.basedOn } : {}) } : { kind: 'syntax' } };
}

type Collected = Omit<Linted, 'mode' | 'results' | 'parseFailures' | 'unreadable' | 'generated'> & {
  readonly results: ESLint.LintResult[];
  readonly parseFailures: ParseFailure[];
  readonly unreadable: ReadFailure[];
  readonly generated: GeneratedFile[];
};

async function lintEach(eslint: ESLint, files: readonly string[], named: ReadonlySet<string>, includeGenerated: boolean, { results, parseFailures, unreadable, generated }: Collected): Promise<void> {
  for (const file of files) {
    // Read here rather than by lintFiles, which rejects the whole batch over one unreadable file.
    const text = await readFile(file, 'utf8').catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    if (typeof text !== 'string') {
      unreadable.push({ file, message: text.error });
      continue;
    }
    const reason = includeGenerated || named.has(file) ? undefined : generatedReason(text);
    if (reason !== undefined) {
      generated.push({ file, reason });
      continue;
    }
    for (const result of await eslint.lintText(text, { filePath: file })) {
      // Keep unblock's findings and parse failures; users' inline directives for other rules are noise here.
      const messages = result.messages
        .filter((message) => isParseFailure(message) || message.ruleId?.startsWith('unblock/'))
        .map((message) => (message.fatal && isStackOverflowMessage(message.message) ? tooDeep(message, text) : message));
      for (const message of messages) {
        if (message.fatal) parseFailures.push({ file: result.filePath, line: message.line, column: message.column, message: message.message });
      }
      results.push(withMessages(result, messages));
    }
  }
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
function tooDeep(message: Linter.LintMessage, text: string): Linter.LintMessage {
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
