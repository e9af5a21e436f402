// One cold lint of a tree in this process, as `eslint .` would do it: every file once, the module
// graph starting empty. Prints `{ ms, cpuMs, rssMB, reports, crashes }` as JSON. Used by cold.mjs.
// Through the ESLint class, as `eslint .` lints (eslint-for.mjs). Linting through Linter#verify
// with a plain config array, as this harness did before, cost the recommended config about 0.2 s
// of CPU more in a profile of 5,313 tiny files, though within the noise of an instruction count.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';

import { eslintFor, lintMessages } from './eslint-for.mjs';

const [config, listFile] = process.argv.slice(2);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const { default: unblock } = await import(path.join(repoRoot, 'dist', 'rules', 'index.js'));
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const languageOptions = { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' };
const base = { files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } };
const configs = { 'parse-only': [base], recommended: [{ ...base, ...unblock.configs.recommended }] };

const eslint = eslintFor(configs[config], '/');
let reports = 0;
let crashes = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (const file of files) {
  try {
    const messages = await lintMessages(eslint, readFileSync(file, 'utf8'), file);
    reports += messages.filter((message) => message.ruleId?.startsWith('unblock/')).length;
  } catch {
    crashes++;
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// CPU time, user and system: on a shared host it moves far less with other processes' load than wall time.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1e3;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, rssMB: process.memoryUsage().rss / 1e6, reports, crashes })}\n`);
