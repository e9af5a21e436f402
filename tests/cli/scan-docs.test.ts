// docs/ci.md must keep up with `unblock scan`, and its ESLint config example
// (examples/eslint.config.js) must load and do what it says.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint, type Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

import plugin from '../../rules/index.js';
import { repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';
import { makeProject, run } from './fix-helpers.js';

// The example imports the plugin by its package name; here that is this repository's source.
vi.mock('unblock', () => import('../../rules/index.js'));

const docs = readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8');
const { blocks } = readMarkdown(docs);
const exampleFile = path.join(repoRoot, 'examples', 'eslint.config.js');

describe('docs/ci.md', () => {
  it('documents every option of `unblock scan`', async () => {
    const { code, stdout } = await run(['scan', '--help'], repoRoot);
    expect(code).toBe(0);
    const flags = [...stdout.matchAll(/^ {2}(--\S+(?: <[\w/]+>)?)/gm)].map((match) => match[1]!);
    expect(flags).toEqual(['--format <name>', '--max-findings <n>', '--max-warnings <n>', '--baseline <file>', '--write-baseline <file>', '--typed', '--no-typed', '--include-generated', '--concurrency <n>', '--cache', '--cache-location <path>', '--shard <i/n>']);
    for (const flag of flags) expect(docs, flag).toContain(`| \`${flag}\``);
  });

  it('has a GitHub Actions workflow that uploads SARIF and gates with the baseline', () => {
    const workflow = blocks.find((block) => block.language === 'yaml')?.code ?? '';
    for (const step of [
      'uses: actions/checkout@',
      'uses: actions/setup-node@',
      'run: npm ci',
      'run: npx unblock scan --format sarif > unblock.sarif || true',
      'uses: github/codeql-action/upload-sarif@',
      'sarif_file: unblock.sarif',
      'security-events: write',
      'run: npx unblock scan --baseline unblock-baseline.json',
    ]) {
      expect(workflow, step).toContain(step);
    }
    expect(workflow).not.toMatch(/\t/);
  });

  it('has a matrix workflow that shards scan and fix, merges the SARIF logs and gates each shard on the baseline', () => {
    const workflow = blocks.find((block) => block.language === 'yaml' && block.filename === '.github/workflows/unblock-matrix.yml')?.code ?? '';
    for (const step of [
      'shard: [1, 2, 3, 4]',
      'run: npx unblock scan --shard ${{ matrix.shard }}/4 --cache --format sarif > unblock-${{ matrix.shard }}.sarif || true',
      'run: npx unblock fix --dry --shard ${{ matrix.shard }}/4',
      'run: npx unblock scan --shard ${{ matrix.shard }}/4 --cache --baseline unblock-baseline.json',
      'uses: actions/download-artifact@',
      'run: npx unblock merge-sarif unblock-*.sarif > unblock.sarif',
      'uses: github/codeql-action/upload-sarif@',
      'security-events: write',
    ]) {
      expect(workflow, step).toContain(step);
    }
    expect(workflow).not.toMatch(/\t/);
  });

  it('shows a baseline file of the shape --write-baseline writes', async () => {
    const documented = JSON.parse(blocks.find((block) => block.language === 'json')!.code) as { version: number; findings: Array<Record<string, string>> };
    const root = makeProject({ 'src/load.mjs': "import fs from 'node:fs';\nexport async function load() {\n  return fs.readFileSync('x');\n}\n" });
    try {
      await run(['scan', '--write-baseline', 'unblock-baseline.json'], root);
      const written = JSON.parse(readFileSync(path.join(root, 'unblock-baseline.json'), 'utf8')) as typeof documented;
      expect(Object.keys(documented)).toEqual(Object.keys(written));
      expect(documented.version).toBe(written.version);
      for (const entry of documented.findings) {
        expect(Object.keys(entry)).toEqual(Object.keys(written.findings[0]!));
        expect(entry.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(entry.rule).toMatch(/^unblock\//);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('shows examples/eslint.config.js as it is', () => {
    const shown = blocks.find((block) => block.language === 'js' && block.filename === 'eslint.config.js');
    expect(`${shown?.code}\n`).toBe(readFileSync(exampleFile, 'utf8'));
  });
});

describe('examples/eslint.config.js', () => {
  const BLOCKING = "import fs from 'node:fs';\nexport async function load() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n";

  const load = async () => ((await import(pathToFileURL(exampleFile).href)) as { default: Linter.Config[] }).default;

  async function lint(file: string): Promise<Linter.LintMessage[]> {
    const config = await load();
    // A project root of its own: the patterns are relative to it, as to a user's eslint.config.js.
    const cwd = path.join(repoRoot, '.lint-fixtures', 'project');
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
    const [result] = await eslint.lintText(BLOCKING, { filePath: path.join(cwd, file) });
    return result?.messages ?? [];
  }

  it('loads, with the plugin of this repository', async () => {
    expect((await load()).some((entry) => entry.plugins?.['unblock'] === (plugin as unknown))).toBe(true);
  });

  it('reports a blocking call in server code', async () => {
    const messages = await lint('src/routes/load.js');
    expect(messages.map((message) => message.ruleId)).toEqual(['unblock/no-blocking-in-async']);
  });

  it.each(['src/routes/load.test.js', 'tests/load.js', 'test/helpers/load.mjs', 'scripts/seed.js'])('turns unblock off for %s', async (file) => {
    expect(await lint(file)).toEqual([]);
  });
});
