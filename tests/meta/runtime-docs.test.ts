// The examples in docs/runtime.md and runtime/README.md are run, not just read.
//
// Conventions, written in each block's fence info string (GitHub highlights by
// the first word and ignores the rest, so readers see ordinary js/ts):
//
//   ```js runnable / ```ts runnable   A script. It is written into a sandbox where
//                                     `@unblock/runtime` (and tsx) are installed, run with
//                                     `node` (`node --import tsx` for ts), and must exit 0
//                                     with nothing on stderr.
//   ```js file=name.mjs               A module the scripts import (through workerModule, say),
//                                     written into the same sandbox before anything runs. Its
//                                     first line is a `// name.mjs` comment, so readers see the name.
//   node-args=--flag,--flag           Extra node flags for a runnable block.
//   expect-lint=unblock/RULE          The block shows a mistake that RULE reports. Every other
//                                     js/ts block must pass unblock/offload-self-contained.
//   ```text output                    The expected stdout of the runnable block just above it.
//   // prints: …                      In a runnable block with no output block: its stdout,
//                                     one comment per line, in order.
//
// In expected output, `…` stands for any text within one line. TypeScript blocks are
// also type-checked together, and js/ts blocks that do not run must still parse.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as runtime from '@unblock/runtime';
import { lint } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';
import { repoRoot, runNode } from '../runtime/helpers/node.js';

const OFFLOAD_RULE = 'unblock/offload-self-contained';
/** A hang guard, not a speed check: the examples take well under 2 s each. */
const EXAMPLE_TIMEOUT_MS = 15_000;

interface Example {
  readonly line: number;
  readonly language: 'js' | 'ts';
  readonly code: string;
  readonly runnable: boolean;
  readonly file: string | undefined;
  readonly nodeArgs: readonly string[];
  readonly expectLint: string | undefined;
  /** The `## ` section the block sits in. */
  readonly section: string | undefined;
  /** From a following ```text output block, or from `// prints:` comments. */
  expected: string | undefined;
}

interface Doc {
  readonly text: string;
  readonly sections: string[];
  /** Every heading's title, in order. */
  readonly headings: string[];
  readonly examples: Example[];
  /** Conventions broken while reading: they fail a test rather than being skipped. */
  readonly problems: string[];
}

function readDoc(relative: string): Doc {
  const text = readFileSync(path.join(repoRoot, relative), 'utf8');
  const lines = text.split('\n');
  const { headings, blocks } = readMarkdown(text);
  const examples: Example[] = [];
  const problems: string[] = [];
  let previous: Example | undefined;
  for (const block of blocks) {
    const tokens = (lines[block.line - 1] ?? '').replace(/^```\S*/, '').trim().split(/\s+/).filter(Boolean);
    const option = (name: string): string | undefined => tokens.find((token) => token.startsWith(`${name}=`))?.slice(name.length + 1);
    if (block.language === 'text' && tokens.includes('output')) {
      if (previous === undefined || !previous.runnable) problems.push(`line ${block.line}: an output block must follow a runnable block`);
      else if (previous.expected !== undefined) problems.push(`line ${block.line}: the block at line ${previous.line} already has expected output`);
      else previous.expected = block.code;
      previous = undefined;
      continue;
    }
    if (block.language !== 'js' && block.language !== 'ts') {
      if (tokens.includes('runnable') || option('file') !== undefined) problems.push(`line ${block.line}: only js and ts blocks can run`);
      previous = undefined;
      continue;
    }
    const prints = [...block.code.matchAll(/\/\/ prints: (.*)$/gm)].map((match) => match[1] ?? '');
    const example: Example = {
      line: block.line,
      language: block.language,
      code: block.code,
      runnable: tokens.includes('runnable'),
      file: option('file'),
      nodeArgs: option('node-args')?.split(',') ?? [],
      expectLint: option('expect-lint'),
      section: block.headings[2],
      expected: prints.length > 0 ? prints.join('\n') : undefined,
    };
    if (example.runnable && example.file !== undefined) problems.push(`line ${block.line}: a block is either runnable or a file, not both`);
    if (example.file !== undefined && !block.code.startsWith(`// ${example.file}`)) {
      problems.push(`line ${block.line}: a file block starts with a \`// ${example.file}\` comment`);
    }
    if (!example.runnable && prints.length > 0) problems.push(`line ${block.line}: \`// prints:\` in a block that does not run`);
    examples.push(example);
    previous = example;
  }
  const files = examples.flatMap((example) => (example.file === undefined ? [] : [example.file]));
  for (const file of new Set(files)) {
    if (files.filter((name) => name === file).length > 1) problems.push(`two file blocks are named ${file}`);
  }
  const sections = headings.filter((heading) => heading.level === 2).map((heading) => heading.title);
  return { text, sections, headings: headings.map((heading) => heading.title), examples, problems };
}

/** Compares line by line; in `expected`, `…` matches any text within the line. */
function normalise(actual: string, expected: string): string {
  const want = expected.replace(/\n+$/, '').split('\n');
  const got = actual.replace(/\n+$/, '').split('\n');
  return got
    .map((line, index) => {
      const pattern = want[index];
      if (pattern === undefined || !pattern.includes('…')) return line;
      const regex = new RegExp(`^${pattern.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      return regex.test(line) ? pattern : line;
    })
    .join('\n');
}

const scriptName = (example: Example): string => `example-line-${example.line}.${example.language === 'ts' ? 'ts' : 'mjs'}`;

/**
 * A directory that looks like a user's project: `@unblock/runtime`, tsx and
 * @types/node installed (linked from this repository), ESM by default.
 */
function createSandbox(doc: Doc): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unblock-runtime-docs-'));
  const link = (target: string, name: string): void => {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, path.join(dir, 'node_modules', name), 'junction');
  };
  link(path.join(repoRoot, 'runtime'), '@unblock/runtime');
  link(path.join(repoRoot, 'node_modules', 'tsx'), 'tsx');
  link(path.join(repoRoot, 'node_modules', '@types', 'node'), '@types/node');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'docs-sandbox', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      include: ['*.ts'],
    }),
  );
  for (const example of doc.examples) {
    if (example.file !== undefined) writeFileSync(path.join(dir, example.file), example.code);
    if (example.runnable) writeFileSync(path.join(dir, scriptName(example)), example.code);
  }
  return dir;
}

const DOCS = [
  { file: 'docs/runtime.md', minimumRunnable: 20 },
  { file: 'runtime/README.md', minimumRunnable: 3 },
] as const;

describe.each(DOCS)('$file', ({ file, minimumRunnable }) => {
  const doc = readDoc(file);
  const runnable = doc.examples.filter((example) => example.runnable);
  let sandbox = '';
  beforeAll(() => {
    sandbox = createSandbox(doc);
  });
  afterAll(() => {
    if (sandbox !== '') rmSync(sandbox, { recursive: true, force: true });
  });

  it('follows the example conventions', () => {
    expect(doc.problems).toEqual([]);
    expect(runnable.length).toBeGreaterThanOrEqual(minimumRunnable);
  });

  it('links to headings and files that exist', () => {
    // GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
    const anchors = new Set(doc.headings.map((title) => title.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')));
    const targets = [...doc.text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
    const inPage = targets.filter((target) => target.startsWith('#')).map((target) => target.slice(1));
    expect(inPage.filter((anchor) => !anchors.has(anchor))).toEqual([]);
    const files = targets.filter((target) => !target.startsWith('#') && !/^[a-z]+:/.test(target)).map((target) => target.replace(/#.*$/, ''));
    expect(files.filter((target) => !existsSync(path.join(repoRoot, path.dirname(file), target)))).toEqual([]);
  });

  it.each(runnable.map((example) => [example.line, example] as const))('the runnable example at line %i runs as shown', async (_line, example) => {
    const args = [...example.nodeArgs, ...(example.language === 'ts' ? ['--import', 'tsx'] : []), scriptName(example)];
    const run = await runNode(args, { cwd: sandbox, timeoutMs: EXAMPLE_TIMEOUT_MS });
    expect(run.signal, 'killed by the hang guard: the example did not exit').toBeNull();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    if (example.expected !== undefined) {
      expect(normalise(run.stdout, example.expected)).toBe(example.expected.replace(/\n+$/, ''));
    }
  });

  const typescript = doc.examples.filter((example) => example.language === 'ts' && (example.runnable || example.file !== undefined));
  if (typescript.length > 0) {
    it('its TypeScript examples type-check', async () => {
      const run = await runNode([path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: sandbox });
      expect(run.stdout).toBe('');
      expect(run.code).toBe(0);
    });
  }

  it.each(doc.examples.map((example) => [example.line, example] as const))(
    'the js/ts block at line %i parses, and is self-contained where it offloads',
    (_line, example) => {
      const filename = example.file ?? (example.language === 'ts' ? 'example.ts' : 'example.mjs');
      const messages = lint(example.code, { [OFFLOAD_RULE]: 'error' }, filename);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const reported = messages.filter((message) => message.ruleId === OFFLOAD_RULE);
      if (example.expectLint === OFFLOAD_RULE) expect(reported.length).toBeGreaterThan(0);
      else expect(reported).toEqual([]);
    },
  );
});

describe('docs/runtime.md', () => {
  const doc = readDoc('docs/runtime.md');

  it('has a runnable example in every section', () => {
    const withExamples = new Set(doc.examples.filter((example) => example.runnable).map((example) => example.section));
    expect(doc.sections.length).toBeGreaterThan(5);
    expect(doc.sections.filter((section) => !withExamples.has(section))).toEqual([]);
  });

  it('lists every error class the runtime exports with its code', () => {
    type ErrorClass = new (...args: unknown[]) => Error & { code?: string };
    const classes = (Object.entries(runtime) as Array<[string, unknown]>).filter(
      (entry): entry is [string, ErrorClass] => typeof entry[1] === 'function' && (entry[1] as { prototype?: unknown }).prototype instanceof Error,
    );
    expect(classes.length).toBe(Object.keys(runtime.ERROR_CODES).length);
    const rows = doc.text.split('\n').filter((line) => line.startsWith('|'));
    for (const [name, ErrorClass] of classes) {
      // Every constructor takes strings where it takes anything, so dummies yield the code.
      const { code } = new ErrorClass('a', 'b', 'c');
      const row = rows.find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `a table row for ${name}`).toBeDefined();
      expect(row).toContain(`\`${code}\``);
    }
  });

  it('gives every executor option a row with its current default', async () => {
    const executor = new runtime.ThreadPoolExecutor();
    const defaults = executor.options;
    await executor.close();
    const rows = doc.text.split('\n').filter((line) => line.startsWith('|'));
    const row = (option: string): string => {
      const found = rows.find((line) => line.startsWith(`| \`${option}\``));
      expect(found, `a table row for ${option}`).toBeDefined();
      return found ?? '';
    };
    expect(defaults.maxWorkers).toBe(availableParallelism());
    expect(row('maxWorkers')).toContain('`availableParallelism()`');
    expect(row('minWorkers')).toContain(`\`${defaults.minWorkers}\``);
    expect(row('maxQueue')).toContain(`\`${defaults.maxQueue}\``);
    expect(row('idleTimeoutMs')).toContain(`\`${defaults.idleTimeoutMs}\``);
    expect(defaults.resourceLimits).toBeUndefined();
    expect(row('resourceLimits')).toContain('none');
    expect(row('name')).toContain(`\`'${defaults.name}'\``);
    expect(Object.keys(defaults).sort()).toEqual(['idleTimeoutMs', 'maxQueue', 'maxWorkers', 'minWorkers', 'name', 'resourceLimits']);
  });

  it('is linked from the package README', () => {
    expect(readFileSync(path.join(repoRoot, 'runtime', 'README.md'), 'utf8')).toContain('docs/runtime.md');
  });
});
