// Parses one of the project's modules the way ESLint would (the TypeScript parser, with scope
// analysis), into an ESLint SourceCode, so that the module gets the same tracker and call graph
// as a file being linted. Used for the modules a linted file imports, which ESLint may not have
// linted yet, or may not lint at all.

import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';

import { sourceTypeOf } from '../parser-options.js';

export type ParsedModule =
  | { readonly ok: true; readonly sourceCode: Readonly<TSESLint.SourceCode> }
  | { readonly ok: false; readonly reason: string };

/** ESLint strips a byte order mark and comments out a shebang before parsing. */
const SHEBANG = /^#!([^\r\n\u2028\u2029]*)/u;

export function parseModule(file: string, text: string): ParsedModule {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(SHEBANG, (_, rest: string) => `//${rest}`);
  try {
    const parsed = parseForESLint(body, {
      filePath: file,
      sourceType: sourceTypeOf(file),
      ecmaVersion: 'latest',
      ecmaFeatures: { jsx: !/\.[cm]?ts$/.test(file) },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    setParents(parsed.ast, parsed.visitorKeys);
    const sourceCode = new SourceCode({
      text: body,
      ast: parsed.ast as unknown as SourceCode.Config['ast'],
      scopeManager: parsed.scopeManager as unknown as SourceCode.Config['scopeManager'],
      visitorKeys: parsed.visitorKeys as SourceCode.Config['visitorKeys'],
      parserServices: parsed.services,
    });
    return { ok: true, sourceCode: sourceCode as unknown as Readonly<TSESLint.SourceCode> };
  } catch (error) {
    // A stack overflow on deeply nested code, or a syntax error: either way, no summary.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it does not parse: ${message.split('\n')[0]}` };
  }
}

/** ESLint sets `parent` while it traverses; a module parsed here is never traversed by ESLint. */
function setParents(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (child !== null && typeof child === 'object' && 'type' in child) {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child as TSESTree.Node);
        }
      }
    }
  }
}
