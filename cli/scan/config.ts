import type { Linter } from 'eslint';

import { COMMONJS_FILES, parserLanguageOptions, SOURCE_FILES } from '../../analysis/parser-options.js';
import plugin from '../../rules/index.js';
import type { ScanRules } from './recommended-rules.js';

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
