// The text-only "can anything this module reaches block?" check: right through import cycles, and
// each module read once however many questions are asked (a cycle used to be walked again for
// every question: 10,600 reads for 636 files on one real service).

import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { BlockingReach, type Reads } from '../../analysis/module-graph/blocking-reach.js';
import type { Stamp } from '../../analysis/module-graph/stamp.js';
import { readSettings } from '../../analysis/settings.js';
import { tempTree } from '../helpers/temp-tree.js';

const { root, write } = tempTree('unblock-blocking-reach-');

/** A BlockingReach over the temp tree, counting how often it resolves each import of each module. */
function reachOver(options: { maxVisits?: number } = {}) {
  const resolved = new Map<string, number>();
  const reach = new BlockingReach({
    settings: readSettings({}),
    stat: (file): Stamp | undefined => {
      try {
        const stats = statSync(file);
        return { size: stats.size, mtimeMs: stats.mtimeMs };
      } catch {
        return undefined;
      }
    },
    resolve: (fromFile, specifier) => {
      const key = `${fromFile} → ${specifier}`;
      resolved.set(key, (resolved.get(key) ?? 0) + 1);
      return specifier.startsWith('.') ? path.resolve(path.dirname(fromFile), specifier) : undefined;
    },
    maxBytes: 1_000_000,
    maxEntries: 1_000,
    maxVisits: options.maxVisits ?? 500,
  });
  const ask = (file: string, reads: Reads = new Map()): boolean => reach.reaches(file, readFileText(file), reads);
  return { ask, resolved };
}

const readFileText = (file: string): string => readFileSync(file, 'utf8');

/** A ring of `size` modules, each requiring the next; `extra` is added to the first. */
function ring(name: string, size: number, extra = ''): string[] {
  const files = Array.from({ length: size }, (_, index) => path.join(root, name, `m${index}.js`));
  files.forEach((file, index) => write(path.relative(root, file), `const next = require('./m${(index + 1) % size}.js');\n${index === 0 ? extra : ''}module.exports = () => next;\n`));
  return files;
}

describe('BlockingReach', () => {
  it('answers "no" for every module of a cycle that names nothing blocking, reading each module once', () => {
    const files = ring('quiet-ring', 30);
    const { ask, resolved } = reachOver();
    for (const file of files) expect(ask(file)).toBe(false);
    for (const file of files) expect(ask(file)).toBe(false);
    expect(resolved.size).toBe(files.length);
    expect([...resolved.values()].every((count) => count === 1)).toBe(true);
  });

  it('answers "yes" for every module of a cycle in which one module names a blocking API', () => {
    const files = ring('loud-ring', 12, `const fs = require('fs');\nfs.readFileSync('x');\n`);
    const { ask, resolved } = reachOver();
    for (const file of [...files].reverse()) expect(ask(file)).toBe(true);
    expect(resolved.size).toBe(files.length + 1);
    expect([...resolved.values()].every((count) => count === 1)).toBe(true);
  });

  it('says which files an answer rests on, and answers afresh when one of them changes', () => {
    const [first, second, third] = ring('changing', 3);
    const { ask } = reachOver();
    const reads: Reads = new Map();
    expect(ask(first!, reads)).toBe(false);
    expect([...reads.keys()].sort()).toEqual([second, third].sort());
    write(path.relative(root, third!), `require('./m0.js');\nrequire('child_process').execSync('ls');\n`);
    utimesSync(third!, new Date(), new Date(Date.now() + 5_000));
    expect(ask(first!)).toBe(true);
    expect(ask(second!)).toBe(true);
  });

  it('keeps a "yes" only for the modules on the path to the module that blocks', () => {
    write('fork/entry.js', `require('./quiet.js');\nrequire('./loud.js');\n`);
    write('fork/quiet.js', `module.exports = 1;\n`);
    write('fork/loud.js', `module.exports = require('fs').readFileSync('x');\n`);
    const { ask } = reachOver();
    expect(ask(path.join(root, 'fork/entry.js'))).toBe(true);
    expect(ask(path.join(root, 'fork/quiet.js'))).toBe(false);
  });

  it('gives up past its bound of modules and answers "yes": a parse rather than an endless read', () => {
    const files = ring('wide', 20);
    const { ask } = reachOver({ maxVisits: 5 });
    expect(ask(files[0]!)).toBe(true);
  });
});
