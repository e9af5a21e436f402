// Our own lint: typescript-eslint (type-checked) plus unblock itself, dogfooded from the build.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import unblock from './dist/rules/index.js';

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.scratch/**',
      // Local caches of benchmark and robustness corpora (git-ignored, other projects' code).
      '.bench-corpus/**',
      '.bench-cache/**',
      '.robustness-corpus/**',
      'coverage/**',
      // The example service blocks on purpose: it is what the demo finds and fixes.
      'examples/**',
      // Fixtures are inputs and expected outputs of the tools, not our code.
      'tests/**/fixtures/**',
      'tests/codemods/**/input.*',
      'tests/codemods/**/expected.*',
      'tests/codemods/*/*/input/**',
      'tests/codemods/*/*/expected/**',
      // Labelled server code for the precision comparison: it blocks on purpose.
      'tests/precision/corpus/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  unblock.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bench/*.mjs', 'bench/*/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Tests, benchmarks and scripts serve no requests: blocking there stalls nobody.
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'unblock/no-blocking-in-async': 'off', 'unblock/no-blocking-in-handler': 'off', 'unblock/no-transitive-blocking': 'off', 'unblock/no-busy-wait': 'off' },
  },
  {
    // The runtime's tests send closures and imported helpers on purpose, to
    // check what the worker does with them; the rule guards users' code.
    files: ['tests/runtime/**'],
    rules: { 'unblock/offload-self-contained': 'off' },
  },
);
