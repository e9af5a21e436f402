// One cold lint of a tree in this process, as `eslint .` would do it: every file once, the module
// graph starting empty. Prints `{ ms, cpuMs, rssMB, reports, crashes }` as JSON. Used by cold.mjs.
// Through the ESLint class, as `eslint .` lints: it normalises the config once. Linter#verify given
// a plain config array normalises it again for every file (rule options validated, merged and
// cloned): a cost only a config with rules paid, about 0.2 s of CPU in a profile of 5,313 tiny
// files, though within the noise of an instruction count.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

const [config, listFile] = process.argv.slice(2);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const { default: unblock } = await import(path.join(repoRoot, 'dist', 'rules', 'index.js'));
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const languageOptions = { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' };
const base = { files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } };
const configs = { 'parse-only': [base], recommended: [{ ...base, ...unblock.configs.recommended }] };

const eslint = new ESLint({ cwd: '/', overrideConfigFile: true, overrideConfig: configs[config], ignore: false, warnIgnored: false });
let reports = 0;
let crashes = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (const file of files) {
  try {
    const [result] = await eslint.lintText(readFileSync(file, 'utf8'), { filePath: file });
    reports += result.messages.filter((message) => message.ruleId?.startsWith('unblock/')).length;
  } catch {
    crashes++;
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
// CPU time, user and system: on a shared host it moves far less with other processes' load than wall time.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1e3;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, rssMB: process.memoryUsage().rss / 1e6, reports, crashes })}\n`);
