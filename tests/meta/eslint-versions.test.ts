import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { lintWith, repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';

// The plugin supports ESLint 9 and 10 (flat config only). The same sources, linted by both
// majors, must give the same reports; the doc examples cover every rule.
const versions = [
  ['9', new Linter9({ configType: 'flat', cwd: repoRoot })],
  ['10', new Linter10({ configType: 'flat', cwd: repoRoot })],
] as const;

const examples = readdirSync(path.join(repoRoot, 'docs', 'rules')).flatMap((file) =>
  readMarkdown(readFileSync(path.join(repoRoot, 'docs', 'rules', file), 'utf8'))
    .blocks.filter((block) => /^(js|ts)$/.test(block.language))
    .map((block) => ({ name: `${file}:${block.line}`, block })),
);

const allRules = plugin.configs.all.rules;

describe('ESLint 9 and 10 agree', () => {
  it('runs under both majors', () => {
    expect(Linter9.version.startsWith('9.')).toBe(true);
    expect(Linter10.version.startsWith('10.')).toBe(true);
  });

  it.each(examples)('$name', ({ block }) => {
    const [nine, ten] = versions.map(([, linter]) =>
      lintWith(linter, block.code, allRules, block.filename ?? `example.${block.language}`).map(
        ({ ruleId, line, column, message, fatal }) => ({ ruleId, line, column, message, fatal }),
      ),
    );
    expect(nine).toEqual(ten);
    expect(ten!.some((message) => message.fatal)).toBe(false);
  });
});
