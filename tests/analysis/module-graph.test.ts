// The module graph on its own: what it caches and when it notices a change, and what it does with
// input that is not a well-formed project (a generated file, a symlink loop, an import cycle).

import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { parserLanguageOptions } from '../../analysis/parser-options.js';
import { ModuleGraph } from '../../analysis/module-graph/module-graph.js';
import { readSettings } from '../../analysis/settings.js';
import plugin from '../../rules/index.js';
import { tempTree } from '../helpers/temp-tree.js';

const { root, write } = tempTree('unblock-module-graph-');

const linter = new Linter({ configType: 'flat', cwd: '/' });

/** What no-transitive-blocking reports in `file`, with the file as it is on disk. */
function lint(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.*'],
          languageOptions: parserLanguageOptions(),
          plugins: { unblock: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
          rules: { 'unblock/no-transitive-blocking': 'error' },
        },
      ],
      path.join(root, file),
    )
    .map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'fatal'} ${message.message}`);
}

const HANDLER = `import { load } from './helper.js';
export async function handle() {
  return load();
}
`;

describe('the module graph', () => {
  it('sees a helper that changed since the last lint (an editor session)', () => {
    write('edit/helper.js', `export function load() {\n  return 1;\n}\n`);
    expect(lint('edit/handler.js', HANDLER)).toEqual([]);
    const helper = write('edit/helper.js', `import { readFileSync } from 'node:fs';\nexport function load() {\n  return readFileSync('x');\n}\n`);
    // The same second on a coarse clock: the size tells the change apart, and the mtime is bumped anyway.
    utimesSync(helper, new Date(), new Date(Date.now() + 2000));
    expect(lint('edit/handler.js', HANDLER)).toEqual([
      '3:10 unblock/no-transitive-blocking `load` blocks the event loop in async function `handle`: load → fs.readFileSync (line 3 of helper.js); use `fs.promises.readFile`',
    ]);
    writeFileSync(helper, `export async function load() {\n  return 1;\n}\n`);
    utimesSync(helper, new Date(), new Date(Date.now() + 4000));
    expect(lint('edit/handler.js', HANDLER)).toEqual([]);
  });

  it('sees a change two modules away: the importer summary depends on the helper it re-exports', () => {
    write('deep/helper.js', `export function load() {\n  return 1;\n}\n`);
    write('deep/index.js', `export { load } from './helper.js';\n`);
    const code = `import { load } from './index.js';\nexport async function handle() {\n  return load();\n}\n`;
    expect(lint('deep/handler.js', code)).toEqual([]);
    const helper = write('deep/helper.js', `import { execSync } from 'node:child_process';\nexport function load() {\n  return execSync('ls');\n}\n`);
    utimesSync(helper, new Date(), new Date(Date.now() + 2000));
    expect(lint('deep/handler.js', code)).toHaveLength(1);
  });

  describe('in an editor session, a helper created after the import that names it', () => {
    // The resolver looks again once a second has passed: move the clock, not the test, that far.
    // The graph outlives each test, so the clock only ever moves forward.
    let clock = 0;
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime((clock = Math.max(clock, Date.now())));
    });
    afterEach(() => vi.useRealTimers());
    const later = () => vi.setSystemTime((clock += 2_000));
    const BLOCKING_HELPER = `import { readFileSync } from 'node:fs';\nexport function load() {\n  return readFileSync('x');\n}\n`;

    it('is followed once it exists', () => {
      expect(lint('created/handler.js', HANDLER)).toEqual([]);
      write('created/helper.js', BLOCKING_HELPER);
      later();
      expect(lint('created/handler.js', HANDLER)).toEqual([
        '3:10 unblock/no-transitive-blocking `load` blocks the event loop in async function `handle`: load → fs.readFileSync (line 3 of helper.js); use `fs.promises.readFile`',
      ]);
    });

    it('is followed through a module summarised while it was missing', () => {
      write('created-deep/index.js', `export { load } from './lib/helper.js';\n`);
      const code = `import { load } from './index.js';\nexport async function handle() {\n  return load();\n}\n`;
      expect(lint('created-deep/handler.js', code)).toEqual([]);
      write('created-deep/lib/helper.js', BLOCKING_HELPER);
      later();
      expect(lint('created-deep/handler.js', code)).toHaveLength(1);
    });
  });

  it('keeps at most its bound of summaries', () => {
    const graph = new ModuleGraph(readSettings({}));
    for (let index = 0; index < 4_100; index++) {
      const file = write(`many/m${index}.js`, `export const value${index} = ${index};\n`);
      expect(graph.summaryOf(file)?.inert).toBe(true);
    }
    expect(graph.cachedSummaries).toBeLessThanOrEqual(4_000);
  });

  it('never parses a module that names nothing blocking and imports nothing that does', () => {
    const graph = new ModuleGraph(readSettings({}));
    const file = write('inert/plain.js', `import { b } from './other.js';\nexport function a() {\n  return b();\n}\n`);
    write('inert/other.js', `export function b() {\n  return 2;\n}\n`);
    expect(graph.summaryOf(file)).toMatchObject({ inert: true, exports: new Map() });
  });

  it('summarises the modules an export calls into only when a caller asks for its chain', () => {
    const graph = new ModuleGraph(readSettings({}));
    graph.beginGeneration(parserLanguageOptions().parser);
    write('lazy/helper.js', `import { readFileSync } from 'node:fs';\nexport function read() {\n  return readFileSync('x');\n}\n`);
    write('lazy/widget.js', `import { read } from './helper.js';\nexport class Widget {\n  constructor() {\n    this.data = read();\n  }\n}\n`);
    const service = write('lazy/service.js', `import { read } from './helper.js';\nimport { Widget } from './widget.js';\nexport function load() {\n  return read();\n}\nexport function make() {\n  return new Widget();\n}\n`);
    const summary = graph.summaryOf(service)!;
    expect(graph.cachedSummaries).toBe(1);
    const load = summary.exports.get('load');
    expect(load).toMatchObject({ kind: 'function', possible: true });
    expect(graph.cachedSummaries).toBe(1);
    expect(load?.kind === 'function' && load.chain).toMatchObject({ functions: ['load', 'read'], line: 3 });
    expect(graph.cachedSummaries).toBe(2);
    const widget = graph.summaryOf(path.join(root, 'lazy/widget.js'))!.exports.get('Widget');
    expect(graph.cachedSummaries).toBe(3);
    expect(widget?.kind === 'class' && widget.construct).toMatchObject({ functions: ['Widget.constructor', 'read'], line: 3 });
  });
});

describe('bad input never crashes the rule nor reports through itself', () => {
  it('a 5 MB generated module', () => {
    const line = `exports.f${'x'.repeat(40)} = function () { return require('fs').readFileSync('x'); };\n`;
    write('generated/bundle.js', line.repeat(Math.ceil(5_000_000 / line.length)));
    const code = `const bundle = require('./bundle.js');\nmodule.exports = async () => bundle.fxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx();\n`;
    expect(lint('generated/handler.cjs', code)).toEqual([]);
  });

  it('a minified module, recognised by its content', () => {
    const body = Array.from({ length: 400 }, (_, index) => `function f${index}(a){return a+${index}}`).join(';');
    write('minified/lib.js', `const fs=require("fs");${body};exports.load=function(){return fs.readFileSync("x")};\n`);
    const code = `const lib = require('./lib.js');\nmodule.exports = async () => lib.load();\n`;
    expect(lint('minified/handler.cjs', code)).toEqual([]);
  });

  it('a symlink loop in the tree and a specifier that points into it', () => {
    mkdirSync(path.join(root, 'loop'), { recursive: true });
    symlinkSync(path.join(root, 'loop'), path.join(root, 'loop', 'self'));
    const code = `const x = require('./self/self/self/missing');\nmodule.exports = async () => x.load();\n`;
    expect(lint('loop/handler.cjs', code)).toEqual([]);
  });

  it('an import cycle: each side still reports what blocks on its own side', () => {
    write('cycle/a.js', `const b = require('./b.js');\nconst fs = require('fs');\nexports.readA = () => fs.readFileSync('a');\nexports.viaB = () => b.readB();\n`);
    write('cycle/b.js', `const a = require('./a.js');\nexports.readB = () => a.readA();\n`);
    const code = `const b = require('./b.js');\nmodule.exports = async () => b.readB();\n`;
    expect(lint('cycle/handler.cjs', code)).toEqual([
      '2:30 unblock/no-transitive-blocking `b.readB` blocks the event loop in async arrow function `module.exports`: b.readB → a.readA → fs.readFileSync (line 3 of a.js); use `fs.promises.readFile`',
    ]);
  });

  it('a module that does not parse, and an import that does not resolve: the importing file is still linted', () => {
    write('broken/lib.js', `exports.load = function ( {\n`);
    const code = `import fs from 'node:fs';\nimport { load } from './lib.js';\nimport { other } from './missing.js';\nexport async function handle() {\n  load();\n  other();\n  helper();\n}\nfunction helper() {\n  return fs.readFileSync('x');\n}\n`;
    expect(lint('broken/handler.mjs', code)).toEqual([
      '7:3 unblock/no-transitive-blocking `helper` blocks the event loop in async function `handle`: helper → fs.readFileSync (line 10); use `fs.promises.readFile`',
    ]);
  });
});
