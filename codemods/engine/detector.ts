// Runs the plugin's own analysis on one file and hands it to a codemod's
// planner, so that what the codemods fix is exactly what the rules report:
// one parse, one detector.
//
// Three things keep `unblock fix` fast without changing what it does:
// - one Linter and one config per kind of file, reused for every file;
// - the last file's parse is kept, so the next codemod over the same text
//   (or the check that a codemod's output parses, then the next codemod over
//   that output) does not parse it again;
// - `couldReport` (analysis/prefilter.ts): a text check that says when the
//   detector cannot find anything in a file, so that a codemod only needs to
//   know that it parses.

import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import type { LoopNode } from '../../analysis/busy-wait.js';
import { analyzeFile, type FileAnalysis } from '../../analysis/file-analysis.js';
import { deepestNesting, isStackOverflow, isStackOverflowMessage, tooDeepMessage } from '../../analysis/nesting-depth.js';
import { parserLanguageOptions, sourceTypeOf, typescriptEstree } from '../../analysis/parser-options.js';
import { splitByteOrderMark } from './file-style.js';

export interface DetectorView {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly analysis: FileAnalysis;
  /** Every loop in the file, for the busy-wait codemod. */
  readonly loops: readonly LoopNode[];
  readonly filePath: string;
}

export type DetectorOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

type Failure = Extract<DetectorOutcome<unknown>, { ok: false }>;

// ── what ESLint is asked to lint ──────────────────────────────────────────────────────────────

interface Target {
  /** The absolute path the file is linted under: a file without an extension is linted as JavaScript. */
  readonly absolute: string;
  /** `.ts`, `.mjs`…, or `.js` for a file without one. */
  readonly extension: string;
  readonly sourceType: 'commonjs' | 'module';
}

function targetOf(filePath: string): Target {
  // ESLint lints only files a config names by more than `**/*`: name this one by its extension,
  // and treat a file without one as JavaScript.
  const resolved = path.resolve(filePath);
  const extension = /^\.[A-Za-z0-9]+$/.test(path.extname(resolved)) ? path.extname(resolved) : '';
  return {
    absolute: extension === '' ? `${resolved}.js` : resolved,
    extension: extension || '.js',
    sourceType: sourceTypeOf(filePath),
  };
}

// ── the detector: one ESLint rule, run by one Linter per filesystem root ──────────────────────

/** What the rule saw of the file being linted; set while `verify` runs. */
let capture: { filePath: string; view?: DetectorView; error?: Error } | undefined;

const DETECTOR_RULE: TSESLint.RuleModule<'never', []> = {
  meta: { type: 'problem', schema: [], messages: { never: 'never reported' } },
  defaultOptions: [],
  create(context) {
    const loops: LoopNode[] = [];
    const collect = (loop: LoopNode): void => {
      loops.push(loop);
    };
    return {
      WhileStatement: collect,
      DoWhileStatement: collect,
      ForStatement: collect,
      'Program:exit'() {
        if (!capture) return;
        try {
          capture.view = { sourceCode: context.sourceCode, analysis: analyzeFile(context), loops, filePath: capture.filePath };
        } catch (error) {
          // ESLint would wrap it with its own text; keep the analysis's error as it is.
          capture.error = error instanceof Error ? error : new Error(String(error));
        }
      },
    };
  },
};

const DETECTOR_PLUGIN = { rules: { plan: DETECTOR_RULE } } as unknown as NonNullable<Linter.Config['plugins']>[string];

/** The filesystem root as cwd: a flat config only applies to files inside its cwd. */
const linters = new Map<string, Linter>();
const configs = new Map<string, Linter.Config[]>();

function linterFor(absolute: string): Linter {
  const root = path.parse(absolute).root;
  let linter = linters.get(root);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd: root });
    linters.set(root, linter);
  }
  return linter;
}

function configFor({ extension, sourceType }: Target): Linter.Config[] {
  const key = `${extension}\0${sourceType}`;
  let config = configs.get(key);
  if (!config) {
    config = [
      {
        files: [`**/*${extension}`],
        languageOptions: parserLanguageOptions(sourceType),
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { unblock: DETECTOR_PLUGIN },
        rules: { 'unblock/plan': 'error' },
      },
    ];
    configs.set(key, config);
  }
  return config;
}

function lint(source: string, filePath: string): DetectorOutcome<DetectorView> {
  const target = targetOf(filePath);
  const seen: NonNullable<typeof capture> = { filePath };
  capture = seen;
  let messages: Linter.LintMessage[];
  try {
    messages = linterFor(target.absolute).verify(source, configFor(target), { filename: target.absolute });
  } finally {
    capture = undefined;
  }
  // Deep nesting that the parse survived can still exhaust the stack in a walk over the tree.
  if (seen.error !== undefined && isStackOverflow(seen.error)) return tooDeep(source);
  if (seen.error !== undefined) throw seen.error;
  // The rule ran, so the file parsed. ESLint 9+ also marks problems with the file's own directive
  // comments fatal (a legacy `/* eslint-env node */`); they say nothing about the code.
  if (seen.view) return { ok: true, value: seen.view };
  const fatal = messages.find((message) => message.fatal);
  if (fatal && isStackOverflowMessage(fatal.message)) return tooDeep(source);
  if (fatal) return { ok: false, message: fatal.message, line: fatal.line, column: fatal.column };
  return { ok: false, message: 'the file could not be analysed' };
}

/** The parser ran out of stack on deep nesting: where it is deepest, instead of no position at all. */
function tooDeep(source: string): Failure {
  const point = deepestNesting(source);
  return { ok: false, message: tooDeepMessage(point), line: point.line, column: point.column };
}

// ── the last file's parse, for the next codemod ───────────────────────────────────────────────

/**
 * The last text the detector ran on. The codemods run one after another on the same text (or on
 * the output whose parse was just checked), so one entry is enough, and holds one tree at most.
 */
let last: { source: string; filePath: string; outcome: DetectorOutcome<DetectorView> } | undefined;
/** The last text only checked for syntax (see `checkSyntax`). */
let lastSyntax: { source: string; filePath: string; outcome: DetectorOutcome<true> } | undefined;

function detect(source: string, filePath: string): DetectorOutcome<DetectorView> {
  if (last?.source === source && last.filePath === filePath) return last.outcome;
  // A text the syntax check found broken fails the same way here: same parser, same options.
  if (lastSyntax?.source === source && lastSyntax.filePath === filePath && !lastSyntax.outcome.ok) return lastSyntax.outcome;
  last = undefined;
  const outcome = lint(source, filePath);
  last = { source, filePath, outcome };
  return outcome;
}

/** Forgets the kept parse; for a caller that is done with its files and wants the memory back. */
export function releaseDetector(): void {
  last = undefined;
  lastSyntax = undefined;
}

/**
 * Parses `source` as ESLint would for `filePath` (TypeScript parser; TS, TSX or JS with JSX by
 * extension), runs the shared analysis, and returns what `plan` makes of it. The planner must not
 * change the tree: the next codemod over the same text sees the same one.
 */
export function withDetector<T>(source: string, filePath: string, plan: (view: DetectorView) => T): DetectorOutcome<T> {
  const detected = detect(source, filePath);
  if (!detected.ok) return detected;
  return { ok: true, value: plan(detected.value) };
}

/** True when `source` parses for `filePath`: every output is checked before it is written. */
export function parses(source: string, filePath: string): DetectorOutcome<true> {
  const detected = detect(source, filePath);
  return detected.ok ? { ok: true, value: true } : detected;
}

// ── the syntax check: ESLint's parse, without the rest ────────────────────────────────────────

interface EstreeError {
  readonly message: string;
  readonly lineNumber?: number;
  readonly column?: number;
}

/**
 * ESLint lints no file under `node_modules/` or `.git/` (its default ignores): the detector then
 * never runs and says so. Whether a file is linted depends on its folder, its extension and
 * whether its name starts with a dot, so an empty text linted there answers for all such files.
 */
const lintedPlaces = new Map<string, Failure | undefined>();

function notLinted(target: Target): Failure | undefined {
  const key = `${path.dirname(target.absolute)}\0${target.extension}\0${target.sourceType}\0${path.basename(target.absolute).startsWith('.')}`;
  if (!lintedPlaces.has(key)) {
    if (lintedPlaces.size >= 10_000) lintedPlaces.clear();
    const probe = lint('', target.absolute);
    lintedPlaces.set(key, probe.ok ? undefined : probe);
  }
  return lintedPlaces.get(key);
}

/** ESLint comments out a shebang before parsing (languages/js). */
const SHEBANG = /^#!([^\r\n\u2028\u2029]*)/u;

/**
 * Whether `source` parses for `filePath`, with the answer ESLint would give: the parse the
 * TypeScript parser does for ESLint (same typescript-estree, same options that decide errors),
 * without tokens, comments, JSDoc, scope analysis or rules, and the error worded as ESLint words
 * it. tests/codemods/detector-prefilter.test.ts holds it to the full parse's answers.
 */
export function checkSyntax(source: string, filePath: string): DetectorOutcome<true> {
  if (last?.source === source && last.filePath === filePath) return last.outcome.ok ? { ok: true, value: true } : last.outcome;
  if (lastSyntax?.source === source && lastSyntax.filePath === filePath) return lastSyntax.outcome;
  const target = targetOf(filePath);
  const unlinted = notLinted(target);
  if (unlinted) {
    lastSyntax = { source, filePath, outcome: unlinted };
    return unlinted;
  }
  // ESLint drops a byte order mark, then comments out a shebang.
  const text = splitByteOrderMark(source).body.replace(SHEBANG, (_, rest: string) => `//${rest}`);
  let outcome: DetectorOutcome<true>;
  try {
    typescriptEstree().parse(text, {
      filePath: target.absolute,
      // What @typescript-eslint/parser passes on that bears on errors: `ecmaFeatures.jsx` as `jsx`,
      // a sourceType that is `module` or `script` (ESLint's `commonjs` becomes `script`), the path.
      jsx: true,
      sourceType: target.sourceType === 'module' ? 'module' : 'script',
      errorOnTypeScriptSyntacticAndSemanticIssues: false,
      loc: true,
      range: true,
      // Tokens and comments are read after the tree is built, and cannot fail: not needed here.
      tokens: false,
      comment: false,
      // TypeScript keeps what it finds wrong in a JSDoc comment apart from the file's syntax errors
      // (`jsDocDiagnostics`), which typescript-estree never reads: no need to parse JSDoc at all.
      jsDocParsingMode: 'none',
    });
    outcome = { ok: true, value: true };
  } catch (error) {
    if (isStackOverflow(error)) {
      outcome = tooDeep(source);
      lastSyntax = { source, filePath, outcome };
      return outcome;
    }
    const { message, lineNumber, column } = error as EstreeError;
    const failure: Failure = {
      ok: false,
      message: `Parsing error: ${String(message).replace(/^line \d+:/iu, '').trim()}`,
      ...(lineNumber === undefined ? {} : { line: lineNumber }),
      ...(column === undefined ? {} : { column }),
    };
    outcome = failure;
  }
  lastSyntax = { source, filePath, outcome };
  return outcome;
}

export type { TSESTree };
