import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';

import { exportPathOf, importBindings } from '../../analysis/import-bindings.js';

const bindings = (code: string) =>
  importBindings(parse(code, { range: true, loc: true, jsx: false })).map((binding) => ({
    local: binding.local,
    specifier: binding.specifier,
    imported: binding.imported,
    path: exportPathOf(binding),
    typeOnly: binding.typeOnly,
  }));

describe('importBindings', () => {
  it('reads default, namespace, named and aliased imports', () => {
    expect(bindings("import fs, { readFileSync as read } from 'node:fs';\nimport * as zlib from 'zlib';")).toEqual([
      { local: 'fs', specifier: 'node:fs', imported: 'default', path: [], typeOnly: false },
      { local: 'read', specifier: 'node:fs', imported: 'readFileSync', path: ['readFileSync'], typeOnly: false },
      { local: 'zlib', specifier: 'zlib', imported: '*', path: [], typeOnly: false },
    ]);
  });

  it('marks type-only imports', () => {
    expect(bindings("import type { Stats } from 'fs';\nimport { type Dirent, statSync } from 'fs';").map((binding) => [binding.local, binding.typeOnly])).toEqual([
      ['Stats', true],
      ['Dirent', true],
      ['statSync', false],
    ]);
  });

  it('reads require calls bound to a name, followed by members, or destructured', () => {
    expect(bindings("const legacy = require('legacy').v2;\nconst { loadSync, a: { b: alias } } = require('./loader.js');\nimport cp = require('child_process');")).toEqual([
      { local: 'cp', specifier: 'child_process', imported: '*', path: [], typeOnly: false },
      { local: 'legacy', specifier: 'legacy', imported: '*', path: ['v2'], typeOnly: false },
      { local: 'loadSync', specifier: './loader.js', imported: '*', path: ['loadSync'], typeOnly: false },
      { local: 'alias', specifier: './loader.js', imported: '*', path: ['a', 'b'], typeOnly: false },
    ]);
  });

  it('ignores requires inside functions, computed specifiers and other calls', () => {
    expect(bindings("function f() { const x = require('x'); }\nconst y = require(name);\nconst z = load('z');\nconst { [key]: w } = require('w');")).toEqual([]);
  });
});
