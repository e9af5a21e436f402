// The specifiers read from a module's text without parsing it. What they miss, the rules' gate and
// the scan cache's import graph miss too: an import they do not see neither opens the gate nor
// makes a cached result stale.

import { describe, expect, it } from 'vitest';

import { quickSpecifiers } from '../../analysis/module-graph/quick-imports.js';

describe('quickSpecifiers', () => {
  it('reads import, export-from, require and import()', () => {
    const text = `import a from './a.js';\nexport { b } from "./b";\nconst c = require('./c');\nconst d = await import('./d.mjs');\n`;
    expect(quickSpecifiers(text)).toEqual(['./a.js', './b', './c', './d.mjs']);
  });

  it('reads a require made by createRequire, whatever its name', () => {
    const text = `import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nconst config = load('./config.cjs');\nconst $r = module.createRequire(__filename);\nconst db = $r("../db");\n`;
    expect(quickSpecifiers(text)).toEqual(['node:module', './config.cjs', '../db']);
  });

  it('reads a require made by createRequire and called at once', () => {
    const text = `import { createRequire } from 'node:module';\nconst config = createRequire(import.meta.url)('./config.cjs');\nconst other = createRequire(new URL('.', import.meta.url))( "./other.cjs" );\n`;
    expect(quickSpecifiers(text)).toEqual(['node:module', './config.cjs', './other.cjs']);
  });

  it('does not take any call with a string for a require', () => {
    const text = `const load = makeLoader();\nconst config = load('./config.cjs');\nconst file = path.load('./x.cjs');\n`;
    expect(quickSpecifiers(text)).toEqual([]);
  });
});
