// ProgramScope and packBatches: which files the whole-program codemod needs, read from an import
// graph without parsing, and how they split into self-contained parts run a batch at a time.

import { rmSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { packBatches } from '../../cli/fix/program-batches.js';
import { ProgramScope } from '../../cli/fix/program-scope.js';
import { makeProject } from './fix-helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const HELPER = (name: string) => `import fs from 'node:fs';\n\nexport function ${name}(file) {\n  return fs.readFileSync(file, 'utf8');\n}\n`;
const CALLER = (name: string, from: string) => `import { ${name} } from '${from}';\n\nexport async function use() {\n  return ${name}('x');\n}\n`;

/** Two services that share nothing, a file that names `fs` but imports neither, and one that imports nothing. */
const FILES = {
  'package.json': '{ "type": "module" }',
  'a/helper.js': HELPER('readA'),
  'a/route.js': CALLER('readA', './helper.js'),
  'a/app.js': "import { use } from './route.js';\nexport const start = () => use();\n",
  'b/helper.js': HELPER('readB'),
  'b/route.js': CALLER('readB', './helper.js'),
  'config.js': "import fs from 'node:fs';\nexport const config = fs.readFileSync('c.json', 'utf8');\n",
  'plain.js': 'export const answer = 42;\n',
};

async function scopeOf(root: string): Promise<{ scope: ProgramScope; file: (name: string) => string }> {
  const file = (name: string) => path.join(root, name);
  const scope = new ProgramScope();
  await scope.addAll(Object.keys(FILES).filter((name) => name.endsWith('.js')).map(file));
  await scope.addImported();
  return { scope, file };
}

describe('ProgramScope', () => {
  it('knows which files can reach a module that blocks, without parsing them', async () => {
    const root = makeProject(FILES);
    roots.push(root);
    const { scope, file } = await scopeOf(root);
    expect(['a/helper.js', 'a/route.js', 'a/app.js', 'config.js', 'plain.js'].map((name) => scope.canReachBlocking(file(name)))).toEqual([true, true, true, true, false]);
  });

  it('gives the program the seeds, what imports them, and splits it into parts that share no import', async () => {
    const root = makeProject(FILES);
    roots.push(root);
    const { scope, file } = await scopeOf(root);
    const inRun = new Set(['a/helper.js', 'a/route.js', 'b/helper.js', 'b/route.js'].map(file));
    const program = scope.programFor([file('a/helper.js'), file('b/helper.js')], (name) => inRun.has(name), () => true);
    expect([...program.editable].sort()).toEqual([...inRun].sort());
    // app.js imports a route that may be rewritten: read as a caller, never rewritten.
    expect(program.readOnly).toEqual([file('a/app.js')]);
    const parts = scope.parts(program);
    expect(parts.map((part) => [...part.editable, ...part.readOnly].map((name) => path.relative(root, name)).sort()).sort()).toEqual([
      ['a/app.js', 'a/helper.js', 'a/route.js'],
      ['b/helper.js', 'b/route.js'],
    ]);
    expect(packBatches(parts, () => 10, 15)).toHaveLength(2);
    expect(packBatches(parts, () => 10, 20)).toHaveLength(1);
  });
});
