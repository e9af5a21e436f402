// `unblock fix` on a file with hundreds of sites does work in proportion to the sites: it never
// copies the whole text per site, nor diffs the whole file (a line diff costs lines × changes:
// 164 s for 10,000 sites before). Counted, not timed: the test counts copies of the text and
// the size of what is diffed, and checks that the positions and the --dry diff are still exact.
// bench/codemod/big-file.mjs measures the time.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { applyPatch } from 'diff';
import MagicString from 'magic-string';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { makeProject, run } from './fix-helpers.js';

/** The length of every text jsdiff was asked to diff by lines or make a patch of. */
const diffed = vi.hoisted(() => [] as number[]);
vi.mock('diff', async (importOriginal) => {
  const actual = await importOriginal<typeof import('diff')>();
  return {
    ...actual,
    diffLines: (...args: Parameters<typeof actual.diffLines>) => {
      diffed.push(args[0].length + args[1].length);
      return actual.diffLines(...args);
    },
    createTwoFilesPatch: (...args: Parameters<typeof actual.createTwoFilesPatch>) => {
      diffed.push(args[2].length + args[3].length);
      return actual.createTwoFilesPatch(...args);
    },
  };
});

const SITES = 300;
/** Kinds of site in turn: a plain read, a `.map` callback, a property of the result, a site left, a spin wait. */
function section(index: number): string {
  const gap = '\n'.repeat(1 + (index % 9));
  switch (index % 5) {
    case 0:
      return `export async function read${index}(p) {\n  const text = fs.readFileSync(p, 'utf8');\n  return text.length;\n}\n${gap}`;
    case 1:
      return `export async function many${index}(ps) {\n  return ps.map((p) => fs.readFileSync(p));\n}\n${gap}`;
    case 2:
      return `export async function size${index}(p) {\n  return fs.statSync(p).size;\n}\n${gap}`;
    case 3:
      return `export async function stdin${index}() {\n  return fs.readFileSync(0, 'utf8');\n}\n${gap}`;
    default:
      return `export async function wait${index}() {\n  const end = Date.now() + 10;\n  while (Date.now() < end) {}\n}\n${gap}`;
  }
}
const SOURCE = `import fs from 'node:fs';\n\n${Array.from({ length: SITES }, (_, index) => section(index)).join('')}`;

const root = makeProject({ 'dry/big.mjs': SOURCE, 'real/big.mjs': SOURCE });
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Site {
  api: string;
  family: string;
  line: number;
  column: number;
  reason?: string;
}
interface Report {
  files: Array<{ fixed: Site[]; left: Site[]; diff?: string }>;
}

const at = (text: string, { line, column }: Site): string => text.split('\n')[line - 1]!.slice(column - 1);

describe('unblock fix on a file with hundreds of sites', () => {
  const clones = vi.spyOn(MagicString.prototype, 'clone');
  beforeEach(() => {
    clones.mockClear();
    diffed.length = 0;
  });

  it('copies the text once per codemod, not once per site, and diffs only small stretches', async () => {
    const { stdout } = await run(['fix', '--dry', '--json', '-', 'dry'], root);
    const [file] = (JSON.parse(stdout) as Report).files;
    expect(file!.fixed.length).toBeGreaterThan(SITES / 2);
    // One copy per codemod that edits (to find where its lines went), none per site.
    expect(clones.mock.calls.length).toBeLessThanOrEqual(2);
    expect(Math.max(0, ...diffed)).toBeLessThan(SOURCE.length / 20);
  });

  it('still reports exact positions, and a --dry diff that turns the file into what a real run writes', async () => {
    const dry = (JSON.parse((await run(['fix', '--dry', '--json', '-', 'dry'], root)).stdout) as Report).files[0]!;
    const real = (JSON.parse((await run(['fix', '--force', '--json', '-', 'real'], root)).stdout) as Report).files[0]!;
    const written = readFileSync(path.join(root, 'real/big.mjs'), 'utf8');

    expect(applyPatch(SOURCE, dry.diff!)).toBe(written);
    // --dry points into the file as it is; a real run into the file it wrote.
    for (const site of dry.fixed) expect(at(SOURCE, site)).toMatch(site.family === 'sleep' ? /^while \(Date\.now\(\) < end\)/ : /^fs\.(readFileSync|statSync)\(/);
    for (const site of real.fixed) {
      // A spin loop's column follows a character diff of `while (…) {}` into `await setTimeout(…)`: the line is what is exact.
      if (site.family === 'sleep') expect(written.split('\n')[site.line - 1]).toMatch(/^\s*await setTimeout\(/);
      else expect(at(written, site)).toMatch(/^(\(await stat|await (readFile|Promise\.all))/);
    }
    for (const site of real.left) expect(at(written, site)).toMatch(/^fs\.readFileSync\(0/);
    expect(real.fixed.map((site) => site.api).sort()).toEqual(dry.fixed.map((site) => site.api).sort());
  });
});
