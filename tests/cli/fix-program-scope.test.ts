// ProgramScope and packBatches: which files the whole-program codemod needs, read from an import
// graph without parsing, and how they split into self-contained parts run a batch at a time.

import { rmSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { packBatches } from '../../cli/fix/program-batches.js';
import { ProgramScope } from '../../cli/fix/program-scope.js';
import { createDeclarationStore } from '../../codemods/engine/declaration-store.js';
import { loadProgram } from '../../codemods/sync-callers/program.js';
import { transformProgram } from '../../codemods/sync-callers/transform.js';
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

describe('the program of a tree whose index imports everything', () => {
  // server.js → routes/index.js → every route; one route calls a helper that blocks, and the helper
  // reads its settings module, which reads its defaults.
  const TREE: Record<string, string> = {
    'package.json': '{ "type": "module" }',
    'server.js': "import { routes } from './routes/index.js';\nexport const app = routes;\n",
    'routes/index.js': Array.from({ length: 6 }, (_, index) => `export * from './route${index}.js';`).join('\n') + '\n',
    ...Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`routes/route${index}.js`, index === 0 ? CALLER('readSettings', '../lib/read.js') : `export const route${index} = () => ${index};\n`])),
    'lib/read.js': "import fs from 'node:fs';\nimport { path } from './settings.js';\n\nexport function readSettings() {\n  return fs.readFileSync(path, 'utf8');\n}\n",
    'lib/settings.js': "import { base } from './defaults.js';\nexport const path = `${base}/settings.json`;\n",
    'lib/defaults.js': "export const base = '.';\n",
  };

  it('holds the seeds, their importers and what the seeds import directly: not the index\'s other routes, nor deeper imports', async () => {
    const root = makeProject(TREE);
    roots.push(root);
    const file = (name: string) => path.join(root, name);
    const scope = new ProgramScope();
    await scope.addAll(Object.keys(TREE).filter((name) => name.endsWith('.js')).map(file));
    await scope.addImported();
    const program = scope.programFor([file('lib/read.js')], () => true, () => true);
    const names = (files: readonly string[]) => files.map((name) => path.relative(root, name)).sort();
    expect(names(program.editable)).toEqual(['lib/read.js', 'routes/index.js', 'routes/route0.js', 'server.js']);
    expect(names(program.context)).toEqual(['lib/settings.js']);
    const [part, ...others] = scope.parts(program);
    expect(others).toEqual([]);
    expect(names(part!.parsed)).toEqual(['lib/read.js', 'lib/settings.js', 'routes/index.js', 'routes/route0.js', 'server.js']);
  });

  it('loads nothing else of the project into the whole-program codemod\'s program, and still fixes the caller', () => {
    const root = makeProject(TREE);
    roots.push(root);
    const file = (name: string) => path.join(root, name);
    const options = { files: ['lib/read.js', 'routes/route0.js', 'routes/index.js', 'server.js'].map(file), readOnlyFiles: [file('lib/settings.js')], discoverCallers: false, followImports: false };
    const program = loadProgram(options);
    const loaded = program.project.getSourceFiles().map((source) => source.getFilePath()).filter((name) => !name.includes('node_modules')).map((name) => path.relative(root, name)).sort();
    expect(loaded).toEqual(['lib/read.js', 'lib/settings.js', 'routes/index.js', 'routes/route0.js', 'server.js']);
    const result = transformProgram(options);
    expect(result.results.get(file('routes/route0.js'))?.output).toContain('await readSettings(');
  });
});

describe('programs in turn with one declaration store', () => {
  const libraryFile = (program: ReturnType<typeof loadProgram>) => program.project.getProgram().compilerObject.getSourceFiles().find((source) => source.fileName.endsWith('lib.es2023.d.ts'));
  const projectFiles = (program: ReturnType<typeof loadProgram>, root: string) =>
    program.project.getSourceFiles().map((source) => source.getFilePath()).filter((name) => !name.includes('node_modules')).map((name) => path.relative(root, name)).sort();

  it('reuse the first program\'s library declarations, and keep none of its project files', () => {
    const root = makeProject(FILES);
    roots.push(root);
    const file = (name: string) => path.join(root, name);
    const declarations = createDeclarationStore();
    const first = loadProgram({ files: [file('a/helper.js'), file('a/route.js')], discoverCallers: false, followImports: false, declarations });
    const firstLibrary = libraryFile(first);
    expect(firstLibrary).toBeDefined();
    const second = loadProgram({ files: [file('b/helper.js'), file('b/route.js')], discoverCallers: false, followImports: false, declarations });
    expect(libraryFile(second)).toBe(firstLibrary);
    expect(projectFiles(second, root)).toEqual(['b/helper.js', 'b/route.js']);
    // Without a store, each program parses its own.
    expect(libraryFile(loadProgram({ files: [file('b/route.js')], discoverCallers: false, followImports: false }))).not.toBe(firstLibrary);
  });

  it('give each program the same fixes as a program of its own, with the texts of its own run', () => {
    const root = makeProject(FILES);
    roots.push(root);
    const file = (name: string) => path.join(root, name);
    const declarations = createDeclarationStore();
    const options = (names: string[], sources?: Map<string, string>) => ({ files: names.map(file), discoverCallers: false, followImports: false, ...(sources ? { sources } : {}) });
    const alone = transformProgram(options(['b/helper.js', 'b/route.js']));
    transformProgram({ ...options(['a/helper.js', 'a/route.js', 'a/app.js']), declarations });
    const shared = transformProgram({ ...options(['b/helper.js', 'b/route.js']), declarations });
    expect(shared.results.get(file('b/route.js'))?.output).toContain('await readB(');
    expect(shared.results.get(file('b/route.js'))?.output).toBe(alone.results.get(file('b/route.js'))?.output);
    // A later program with another text for a file the store's project held sees that text.
    const renamed = new Map([[file('a/route.js'), CALLER('readA', './helper.js').replace('use()', 'serve()')]]);
    const again = transformProgram({ ...options(['a/helper.js', 'a/route.js'], renamed), declarations });
    expect(again.results.get(file('a/route.js'))?.output).toContain('export async function serve()');
  });
});
