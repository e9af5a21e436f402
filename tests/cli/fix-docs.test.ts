// docs/codemods.md must keep up with the command and the registry.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { Command } from 'commander';
import { describe, expect, it } from 'vitest';

import { register as registerFix } from '../../cli/fix/command.js';
import { CODEMODS, codemodNames, PROGRAM_CODEMODS } from '../../codemods/registry.js';
import { repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';
import { FIXTURES, makeProject, run } from './fix-helpers.js';

const docs = readFileSync(path.join(repoRoot, 'docs', 'codemods.md'), 'utf8');

describe('docs/codemods.md', () => {
  it('links every codemod in the registry to its README, in registry order', () => {
    const linked = [...docs.matchAll(/\[`([\w-]+)`\]\(\.\.\/codemods\/([\w-]+)\/README\.md\)/g)].map((match) => match[1]);
    expect(linked).toEqual(codemodNames());
    for (const name of codemodNames()) expect(existsSync(path.join(repoRoot, 'codemods', name, 'README.md')), name).toBe(true);
  });

  it('names as jscodeshift transforms exactly the codemods whose built transform.js is one', async () => {
    const sentence = /The per-file codemods, ((?:`[\w-]+`(?:, | and )?)+), also work as plain/.exec(docs)?.[1] ?? '';
    const named = [...sentence.matchAll(/`([\w-]+)`/g)].map((match) => match[1]);
    expect(named).toEqual(CODEMODS.map((codemod) => codemod.name));
    const transformOf = async (name: string): Promise<unknown> => ((await import(path.join(repoRoot, 'dist', 'codemods', name, 'transform.js'))) as { default: unknown }).default;
    for (const name of named) expect(typeof (await transformOf(name!)), name).toBe('function');
    for (const { name } of PROGRAM_CODEMODS) {
      expect(docs).toContain(`\`${name}\` does not`);
      expect(typeof (await transformOf(name)), name).not.toBe('function');
    }
  });

  it('documents every option of `unblock fix`', () => {
    const command = registerFix(new Command(), { cwd: repoRoot, stdout: () => undefined, stderr: () => undefined, setExitCode: () => undefined });
    // A hidden option only exists to point a mistyped one at the right option.
    for (const option of command.options.filter((candidate) => !candidate.hidden)) expect(docs, option.long).toContain(`| \`${option.flags}\``);
  });
});

/** The keys of an object and, recursively, of its objects and of the first element of its arrays. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value === null || typeof value !== 'object') return typeof value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, key === 'fixedByFamily' ? 'counts' : shape(inner)]));
}

it('shows a JSON report with the shape `unblock fix --json` writes', async () => {
  const example = readMarkdown(docs).blocks.find((block) => block.language === 'json');
  const documented = JSON.parse(example!.code) as { files: Array<{ left: unknown[] }> };
  const root = makeProject({ 'read.mjs': FIXTURES['src/read.mjs']!, 'left.mjs': FIXTURES['src/left.mjs']!, 'broken.js': FIXTURES['src/broken.js']! });
  try {
    const { stdout } = await run(['fix', '--json'], root);
    const actual = JSON.parse(stdout) as { files: Array<{ left: unknown[] }> };
    // Compare a file with a left site to the documented one, and the rest as a whole.
    const withLeft = (report: { files: Array<{ left: unknown[] }> }) => report.files.find((file) => file.left.length > 0);
    expect(shape(withLeft(documented))).toEqual(shape(withLeft(actual)));
    expect(shape({ ...documented, files: [] })).toEqual(shape({ ...actual, files: [] }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe("sync-callers' README", () => {
  it('imports the codemod by a specifier that package.json exports', () => {
    const readme = readFileSync(path.join(repoRoot, 'codemods', 'sync-callers', 'README.md'), 'utf8');
    const example = readMarkdown(readme).blocks.find((block) => block.language === 'ts' && block.code.includes('transformProgram'));
    const specifier = /from '([^']+)'/.exec(example?.code ?? '')?.[1];
    expect(specifier).toBe('unblock/codemods/sync-callers');
    // The package's own name resolves through its exports map, to dist/, as it does for a user.
    const imported = createRequire(import.meta.url)(specifier!) as { syncCallers?: { transformProgram?: unknown }; createDeclarationStore?: unknown };
    expect(typeof imported.syncCallers?.transformProgram).toBe('function');
    // The README's programs in turn share a declaration store made by the same entry point.
    expect(readme).toContain("import { createDeclarationStore, syncCallers } from 'unblock/codemods/sync-callers';");
    expect(typeof imported.createDeclarationStore).toBe('function');
  });
});
