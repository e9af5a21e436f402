import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

import plugin from '../../rules/index.js';
import type { ScanRules } from './rules.js';

/**
 * The ESLint configuration `unblock scan` runs with, so that no user configuration is needed.
 * The TypeScript parser reads every flavour: it picks TS, TSX or JS (with JSX) from the extension.
 */
export function scanConfig(rules: ScanRules): Linter.Config[] {
  return [
    {
      name: 'unblock/scan',
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: {
        parser: tsParser,
        sourceType: 'module',
        ecmaVersion: 'latest',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: {
        // Users' disable comments name rules this run does not load; they are not our business.
        reportUnusedDisableDirectives: 'off',
      },
      plugins: { unblock: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules,
    },
    {
      name: 'unblock/scan-commonjs',
      files: ['**/*.cjs', '**/*.cts'],
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}
