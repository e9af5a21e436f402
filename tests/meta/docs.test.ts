import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { rules } from '../../rules/all-rules.js';
import { lint, repoRoot } from '../helpers/lint.js';
import { readMarkdown } from '../helpers/markdown.js';

const SECTION_ORDER = ['Why', 'Examples', 'Options', 'When not to use it'];
const docsDir = path.join(repoRoot, 'docs', 'rules');

describe.each(Object.keys(rules))('docs/rules/%s.md', (name) => {
  const text = readFileSync(path.join(docsDir, `${name}.md`), 'utf8');
  const { headings, blocks } = readMarkdown(text);

  it('has the fixed section order', () => {
    expect(headings[0]).toEqual({ level: 1, title: `unblock/${name}` });
    expect(headings.filter((heading) => heading.level === 2).map((heading) => heading.title)).toEqual(SECTION_ORDER);
    expect(headings.filter((heading) => heading.level === 3 && heading.title.includes('Incorrect')).length).toBe(1);
    expect(headings.filter((heading) => heading.level === 3 && heading.title.includes('Correct') && !heading.title.includes('Incorrect')).length).toBe(1);
  });

  it('states the description the rule declares', () => {
    expect(text).toContain(rules[name as keyof typeof rules].meta.docs?.description);
  });

  const examples = blocks.filter((block) => block.headings[2] === 'Examples' && /^(js|jsx|ts|tsx|mjs|cjs)$/.test(block.language));
  const incorrect = examples.filter((block) => block.headings[3]?.includes('❌'));
  const correct = examples.filter((block) => block.headings[3]?.includes('✅'));

  it('has examples of both kinds', () => {
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
  });

  const run = (block: (typeof examples)[number]) => {
    const messages = lint(block.code, { [`unblock/${name}`]: 'error' }, block.filename ?? `example.${block.language}`);
    const fatal = messages.filter((message) => message.fatal);
    expect(fatal, `line ${block.line} must parse`).toEqual([]);
    return messages.filter((message) => message.ruleId === `unblock/${name}`);
  };

  it.each(incorrect.map((block) => [block.line, block] as const))('❌ example at line %i is reported', (_line, block) => {
    expect(run(block).length).toBeGreaterThan(0);
  });

  it.each(correct.map((block) => [block.line, block] as const))('✅ example at line %i is not reported', (_line, block) => {
    expect(run(block)).toEqual([]);
  });
});

it('has no docs for rules that do not exist', () => {
  const documented = readdirSync(docsDir).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));
  expect(documented.sort()).toEqual(Object.keys(rules).sort());
});
