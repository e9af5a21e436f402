// One typed lint run for bench/lint/typed.mjs, in its own process so that its
// peak memory is its own: `node typed-run.mjs <floating-promises|recommended-type-checked>`.
// Prints one JSON line: wall time, peak RSS and report count.
import path from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const which = process.argv[2];
const { default: unblock } = await import(path.join(repoRoot, 'dist', 'rules', 'index.js'));

const typed = {
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: repoRoot } },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
const config =
  which === 'floating-promises'
    ? [{ ...typed, plugins: { '@typescript-eslint': tseslint.plugin }, rules: { '@typescript-eslint/no-floating-promises': 'error' } }]
    : [{ ...typed, ...unblock.configs['recommended-type-checked'] }];

const files = ['rules', 'codemods', 'tests'].map((dir) => path.join(repoRoot, dir, '**', '*.ts'));
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config, ignorePatterns: ['**/fixtures/**', 'tests/codemods/**/input.*', 'tests/codemods/**/expected.*', 'tests/precision/corpus/**'] });
const start = performance.now();
const results = await eslint.lintFiles(files);
const ms = performance.now() - start;
const reports = results.reduce((sum, result) => sum + result.messages.filter((message) => !message.fatal).length, 0);
const fatal = results.reduce((sum, result) => sum + result.messages.filter((message) => message.fatal).length, 0);
console.log(JSON.stringify({ which, files: results.length, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, reports, fatal }));
