import path from 'node:path';

import { Linter } from 'eslint';

import { parserLanguageOptions, SOURCE_FILES } from '../../analysis/parser-options.js';
import plugin from '../../rules/index.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

type LinterLike = { verify(code: string, config: Linter.Config[], filename: string): Linter.LintMessage[] };

/**
 * Lints `code` as if it were the file `filename` inside the repository, with the given unblock
 * rules on. Works with ESLint 9 and 10 Linter classes alike, for the compatibility test.
 */
export function lintWith(
  linter: LinterLike,
  code: string,
  rules: Linter.RulesRecord,
  filename = 'example.ts',
  settings: Record<string, unknown> = {},
): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: [SOURCE_FILES],
      languageOptions: parserLanguageOptions(),
      plugins: { unblock: plugin },
      settings,
      rules,
    },
  ];
  return linter.verify(code, config, path.join(repoRoot, '.lint-fixtures', filename));
}

export function lint(code: string, rules: Linter.RulesRecord, filename?: string, settings?: Record<string, unknown>): Linter.LintMessage[] {
  return lintWith(new Linter({ configType: 'flat', cwd: repoRoot }), code, rules, filename, settings);
}
