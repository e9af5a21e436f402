// Runs the plugin's own analysis on one file and hands it to a codemod's
// planner, inside an ESLint rule, so that what the codemods fix is exactly
// what the rules report: one parse, one detector.

import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import type { LoopNode } from '../../rules/analysis/busy-wait.js';
import { analyzeFile, type FileAnalysis } from '../../rules/analysis/file-analysis.js';

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

const COMMONJS_EXTENSIONS = /\.c[jt]s$/;

/**
 * Parses `source` as ESLint would for `filePath` (TypeScript parser; TS, TSX or JS with JSX by
 * extension), runs the shared analysis, and returns what `plan` makes of it.
 */
export function withDetector<T>(source: string, filePath: string, plan: (view: DetectorView) => T): DetectorOutcome<T> {
  let planned: { value: T } | undefined;
  let planError: Error | undefined;
  const rule: TSESLint.RuleModule<'never', []> = {
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
          try {
            planned = { value: plan({ sourceCode: context.sourceCode, analysis: analyzeFile(context), loops, filePath }) };
          } catch (error) {
            // ESLint would wrap it with its own text; keep the planner's error as it is.
            planError = error instanceof Error ? error : new Error(String(error));
          }
        },
      };
    },
  };
  // The filesystem root as cwd: a flat config only applies to files inside its cwd.
  // ESLint lints only files a config names by more than `**/*`: name this one by its extension,
  // and treat a file without one as JavaScript.
  const resolved = path.resolve(filePath);
  const extension = /^\.[A-Za-z0-9]+$/.test(path.extname(resolved)) ? path.extname(resolved) : '';
  const absolute = extension === '' ? `${resolved}.js` : resolved;
  const linter = new Linter({ configType: 'flat', cwd: path.parse(absolute).root });
  const messages = linter.verify(
    source,
    [
      {
        files: [`**/*${extension || '.js'}`],
        languageOptions: {
          parser: tsParser,
          sourceType: COMMONJS_EXTENSIONS.test(filePath) ? 'commonjs' : 'module',
          ecmaVersion: 'latest',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { unblock: { rules: { plan: rule } } as unknown as NonNullable<Linter.Config['plugins']>[string] },
        rules: { 'unblock/plan': 'error' },
      },
    ],
    { filename: absolute },
  );
  if (planError !== undefined) throw planError;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return { ok: false, message: fatal.message, line: fatal.line, column: fatal.column };
  if (!planned) return { ok: false, message: 'the file could not be analysed' };
  return { ok: true, value: planned.value };
}

/** True when `source` parses for `filePath`: every output is checked before it is written. */
export function parses(source: string, filePath: string): DetectorOutcome<true> {
  return withDetector(source, filePath, () => true as const);
}

export type { TSESTree };
