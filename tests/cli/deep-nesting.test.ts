// Code nested thousands of levels deep parses under `node --check` but runs the TypeScript
// parser out of stack. unblock reports it as a parse failure with a real position (where the
// nesting is deepest) and a reason, never `undefined:undefined`, and the other files still count.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { deepestNesting } from '../../analysis/nesting-depth.js';
import { FIXTURES, makeProject, run } from './fix-helpers.js';

const DEEP: Record<string, { text: string; line: number; column: number; depth: number }> = {
  // 10,000 nested arrows: `() => () => … 1`. (The 1,000 of the report sit near the limit: see below.)
  'deep_arrows.js': { text: `export const f = ${'() => '.repeat(10_000)}1;\n`, line: 1, column: 18 + 6 * 9_999, depth: 10_000 },
  // 3,000 nested ifs, one per line, inside a function.
  'deep_ifs.js': { text: `export function g(x) {\n${'if (x) {\n'.repeat(3000)}y();\n${'}\n'.repeat(3000)}}\n`, line: 3002, column: 2, depth: 3002 },
  // 5,000 nested parentheses.
  'deep_parens.js': { text: `export const h = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`, line: 1, column: 18 + 4999, depth: 5000 },
};

/**
 * 1,000 nested arrows, as in the report: whether they overflow depends on how much of the parser V8
 * has compiled by then (a warm process parses them). Either way: analysed, or reported with a position.
 */
const BORDERLINE = { name: 'borderline_arrows.js', text: `export const f = ${'() => '.repeat(1000)}1;\n` };

const root = makeProject({
  ...Object.fromEntries(Object.entries(DEEP).map(([name, { text }]) => [name, text])),
  [BORDERLINE.name]: BORDERLINE.text,
  'read.mjs': FIXTURES['src/read.mjs']!,
});

/** The borderline file was either analysed (no word about it) or reported where it nests deepest. */
function borderlineOk(stderr: string): void {
  const line = stderr.split('\n').find((text) => text.includes(BORDERLINE.name));
  if (line !== undefined) expect(line).toContain(`${BORDERLINE.name}:1:${18 + 6 * 999}: Parsing error: the code nests 1000 levels deep here`);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

const expected = (suffix = ''): string[] =>
  Object.entries(DEEP).map(
    ([name, { line, column, depth }]) => `unblock: could not parse ${name}:${line}:${column}: Parsing error: the code nests ${depth} levels deep here, more than the parser's stack can follow; the file was not analysed${suffix}`,
  );

// Two of them are one long line, so by default they would be skipped as minified: --include-generated reads them.
describe('deeply nested code', () => {
  it('scan: names where each file nests deepest, and still reports the other file', async () => {
    const { code, stdout, stderr } = await run(['scan', '--include-generated', '.'], root);
    for (const line of expected()) expect(stderr).toContain(line);
    expect(stdout).toMatch(/read\.mjs\n\s+4:10\s+error\s+`fs\.readFileSync`/);
    expect(`${stdout}${stderr}`).not.toMatch(/undefined|\b0:0\b/);
    borderlineOk(stderr);
    expect(code).toBe(1);
  });

  it('fix: leaves each file byte for byte with the same reason and position, and fixes the other file', async () => {
    const { code, stderr } = await run(['fix', '--force', '--include-generated', '.'], root);
    for (const line of expected(' (left as it was)')) expect(stderr).toContain(line);
    expect(stderr).not.toContain('undefined');
    borderlineOk(stderr);
    for (const [name, { text }] of Object.entries(DEEP)) expect(readFileSync(path.join(root, name), 'utf8')).toBe(text);
    expect(readFileSync(path.join(root, BORDERLINE.name), 'utf8')).toBe(BORDERLINE.text);
    expect(readFileSync(path.join(root, 'read.mjs'), 'utf8')).toContain('await readFile(');
    expect(code).toBe(1);
  });

  it('measures depth through templates, regular expressions and arrows without counting them twice', () => {
    expect(deepestNesting('const a = `x${ `y${ (1) }` }`;\nconst r = /[(]/g;\n')).toEqual({ depth: 3, line: 1, column: 21 });
    expect(deepestNesting('f(() => g(x => x));\nconst y = 1\nconst z = (2)\n')).toEqual({ depth: 4, line: 1, column: 13 });
  });
});
