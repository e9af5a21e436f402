// parseModule: the second parse of a helper module, for its summary. With typescript-eslint's
// parser it calls typescript-estree and the scope manager directly, without the tokens, comments
// and node maps that parseForESLint always builds; with any other parser, or another copy of
// typescript-eslint's, it goes through the parser as ESLint would.

import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import { parseModule, type ModuleParser } from '../../analysis/module-graph/parse-module.js';

const TEXT = "const fs = require('fs');\n// reads the settings\nfunction load() {\n  setTimeout(load, 10);\n  return fs.readFileSync('a');\n}\nmodule.exports = { load };\n";

function parsed(parser: ModuleParser) {
  const result = parseModule('/project/lib/settings.cjs', TEXT, parser);
  if (!result.ok) throw new Error(result.reason);
  return result.sourceCode;
}

describe('parseModule', () => {
  it('parses with typescript-eslint’s parts: no tokens, no comments, the same scopes', () => {
    const direct = parsed(tsParser);
    const ast = direct.ast as { tokens?: unknown; comments?: unknown; body: unknown[] };
    expect(ast.tokens).toBeUndefined();
    expect(ast.comments).toBeUndefined();
    expect(ast.body).toHaveLength(3);
    const module = direct.scopeManager!.globalScope!;
    expect([...module.set.keys()]).toEqual(expect.arrayContaining(['fs', 'load']));
    // No implicit lib globals: `setTimeout` is a reference to an undeclared global.
    expect(module.through.map((reference) => reference.identifier.name)).toEqual(expect.arrayContaining(['require', 'setTimeout', 'module']));
  });

  it('goes through parseForESLint for another copy of typescript-eslint’s parser', () => {
    const other: ModuleParser = { parseForESLint: tsParser.parseForESLint, meta: { name: 'typescript-eslint/parser', version: '0.0.0-other' } };
    const ast = parsed(other).ast as { tokens?: unknown[] };
    expect(ast.tokens?.length).toBeGreaterThan(10);
  });

  it('gives a summary’s parse the tree ESLint’s parse gives, less tokens and comments', () => {
    const strip = (node: unknown): unknown =>
      JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'parent' || key === 'tokens' || key === 'comments' ? undefined : value)));
    expect(strip(parsed(tsParser).ast)).toEqual(strip(tsParser.parseForESLint(TEXT, { sourceType: 'script', range: true, loc: true, filePath: '/project/lib/settings.cjs' }).ast));
  });
});
