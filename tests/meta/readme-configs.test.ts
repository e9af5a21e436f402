// The README's eslint.config.js examples, as they are written, in a project of JavaScript and
// TypeScript files: each one loads, every file it names parses, and the rules report the
// blocking call in each. The project sits inside this repository, so `unblock` resolves to the
// built package through its own name, as it does for a user.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const configs = readMarkdown(readme).blocks.filter((block) => block.language === 'js' && block.code.startsWith('// eslint.config.js'));

const SOURCES: Readonly<Record<string, string>> = {
  'src/load.js': "import fs from 'node:fs';\n\nexport async function load(file) {\n  return fs.readFileSync(file, 'utf8');\n}\n",
  'src/load.ts': "import fs from 'node:fs';\n\nexport async function load(file: string): Promise<string> {\n  return fs.readFileSync(file, 'utf8');\n}\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', types: ['node'], noEmit: true }, include: ['src'] }),
};

const scratch = path.join(repoRoot, '.scratch');
mkdirSync(scratch, { recursive: true });
const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

it('has the three configs: JavaScript, JavaScript and TypeScript, type-checked', () => {
  expect(configs.map((block) => /files: \['([^']+)'\]/.exec(block.code)?.[1])).toEqual(['src/**/*.js', 'src/**/*.{js,ts}', 'src/**/*.ts']);
});

describe.each(configs.map((block) => [block.line, block.code] as const))('the eslint.config.js at README line %i', (_line, code) => {
  it('lints every file it names without a parse error, and reports each blocking call', async () => {
    const project = mkdtempSync(path.join(scratch, 'readme-config-'));
    projects.push(project);
    for (const [file, text] of Object.entries({ ...SOURCES, 'eslint.config.js': code })) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), text);
    }
    const results = await new ESLint({ cwd: project }).lintFiles(['src']);
    const named = /files: \['src\/\*\*\/\*\.(?:\{([^}]+)\}|(\w+))'\]/.exec(code);
    const covered = new Set((named?.[1] ?? named?.[2] ?? '').split(',').map((extension) => `src/load.${extension}`));
    const reports = new Map(results.map((result) => [path.relative(project, result.filePath).split(path.sep).join('/'), result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? message.message}`)]));
    // The files the config names are reported; ESLint still reads JavaScript it does not name, with nothing on.
    expect([...reports.keys()]).toEqual(expect.arrayContaining([...covered]));
    for (const [file, messages] of reports) expect(messages, file).toEqual(covered.has(file) ? ['4:10 unblock/no-blocking-in-async'] : []);
  }, 60_000);
});
