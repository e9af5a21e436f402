import path from 'node:path';

import type { Linter } from 'eslint';

import { COMMONJS_FILES, parserLanguageOptions, SOURCE_FILES } from '../../analysis/parser-options.js';
import plugin from '../../rules/index.js';
import { recommendedTypeCheckedScanRules, type ScanRules } from './recommended-rules.js';

/**
 * The ESLint configuration `unblock scan` runs with, so that no user configuration is needed.
 */
export function scanConfig(rules: ScanRules): Linter.Config[] {
  return [
    {
      name: 'unblock/scan',
      files: [SOURCE_FILES],
      languageOptions: parserLanguageOptions(),
      linterOptions: {
        // Users' disable comments name rules this run does not load; they are not our business.
        reportUnusedDisableDirectives: 'off',
      },
      plugins: { unblock: plugin },
      rules,
    },
    {
      name: 'unblock/scan-commonjs',
      files: [...COMMONJS_FILES],
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}

/**
 * The configuration of `unblock scan --typed`: the type-checked recommended rules, on the program
 * of `tsconfig` (written by typed-program.ts, so that it holds every scanned file).
 */
export function typedScanConfig(tsconfig: string): Linter.Config[] {
  const [main, ...rest] = scanConfig(recommendedTypeCheckedScanRules());
  const languageOptions = parserLanguageOptions();
  return [
    {
      ...main,
      name: 'unblock/scan-typed',
      languageOptions: {
        ...languageOptions,
        parserOptions: { ...(languageOptions.parserOptions as Linter.ParserOptions), project: [tsconfig], tsconfigRootDir: path.dirname(tsconfig) },
      },
    },
    ...rest,
  ];
}
