// The import graph that `fix` narrows its program with and `scan --cache` keys its results on.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ImportGraph } from '../../analysis/module-graph/import-graph.js';

const root = mkdtempSync(path.join(tmpdir(), 'unblock-import-graph-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sources: Record<string, string> = {
  'package.json': '{ "name": "graph-fixture", "type": "module" }',
  'server.js': "import { route } from './routes/index.js';\nimport express from 'express';\n",
  'routes/index.js': "export { route } from './users.js';\n",
  'routes/users.js': "const config = require('../lib/config');\nexport const route = () => config.load();\n",
  'lib/config.js': "import './cycle-a.js';\nexport function load() {}\n",
  'lib/cycle-a.js': "import './cycle-b.js';\n",
  'lib/cycle-b.js': "import './cycle-a.js';\n",
  'lib/alone.js': 'export const x = 1;\n',
};
for (const [name, text] of Object.entries(sources)) {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), text);
}

const at = (name: string): string => path.join(root, name);
const scripts = Object.keys(sources).filter((name) => name.endsWith('.js'));

function graphOf(texts: Record<string, string>): ImportGraph {
  const graph = new ImportGraph();
  for (const name of scripts) graph.add(at(name), texts[name]!);
  return graph;
}

describe('ImportGraph', () => {
  const graph = graphOf(sources);

  it('resolves relative imports, index files, re-exports and require, and leaves packages out', () => {
    expect(graph.importsOf(at('server.js'))).toEqual([at('routes/index.js')]);
    expect(graph.importsOf(at('routes/index.js'))).toEqual([at('routes/users.js')]);
    expect(graph.importsOf(at('routes/users.js'))).toEqual([at('lib/config.js')]);
  });

  it('finds every importer of a file at any depth, and only those', () => {
    expect([...graph.importersClosure([at('lib/config.js')])].sort()).toEqual([at('lib/config.js'), at('routes/index.js'), at('routes/users.js'), at('server.js')].sort());
    expect([...graph.importersClosure([at('lib/alone.js')])]).toEqual([at('lib/alone.js')]);
  });

  it('gives a digest that changes with the file or anything it imports, cycles included', () => {
    const own = (texts: Record<string, string>): Map<string, string> => new Map(scripts.map((name) => [at(name), texts[name]!]));
    const before = graph.closureDigests(own(sources));
    const changed = { ...sources, 'lib/cycle-b.js': "import './cycle-a.js';\nexport const y = 2;\n" };
    const after = graphOf(changed).closureDigests(own(changed));
    for (const name of ['server.js', 'routes/index.js', 'routes/users.js', 'lib/config.js', 'lib/cycle-a.js', 'lib/cycle-b.js']) {
      expect(after.get(at(name)), name).not.toBe(before.get(at(name)));
    }
    expect(after.get(at('lib/alone.js'))).toBe(before.get(at('lib/alone.js')));
    // The same inputs give the same digests: what a cache relies on.
    expect(graph.closureDigests(own(sources))).toEqual(before);
  });
});
