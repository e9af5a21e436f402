// Parses one of the project's modules the way ESLint would (the TypeScript parser, with scope
// analysis), so that the module gets the same tracker and call graph as a file being linted. Used
// for the modules a linted file imports, which ESLint may not have linted yet, or may not lint at
// all: a second parse of a file is the module graph's main cost, so this one skips what the
// analysis never reads (tokens, comments, JSDoc) and builds only the part of ESLint's SourceCode
// that the tracker, the call graph and the export reader use.

import { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

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
      tokens: false,
      comment: false,
      jsDocParsingMode: 'none',
    });
    setParents(parsed.ast, parsed.visitorKeys);
    return { ok: true, sourceCode: moduleSource(body, parsed.ast, parsed.scopeManager, parsed.visitorKeys as TSESLint.SourceCode.VisitorKeys) };
  } catch (error) {
    // A stack overflow on deeply nested code, or a syntax error: either way, no summary.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it does not parse: ${message.split('\n')[0]}` };
  }
}

type ScopeManager = NonNullable<TSESLint.SourceCode['scopeManager']>;
type Scope = TSESLint.Scope.Scope;

/**
 * What the analysis reads of a SourceCode: the text, the tree, its scopes and visitor keys. The
 * rest of ESLint's SourceCode (the token store above all) is never built.
 */
function moduleSource(text: string, ast: TSESTree.Program, scopeManager: ScopeManager, visitorKeys: TSESLint.SourceCode.VisitorKeys): Readonly<TSESLint.SourceCode> {
  const scopes = new Map<TSESTree.Node, Scope>();
  const source = {
    text,
    ast,
    scopeManager,
    visitorKeys,
    parserServices: {},
    getText: (node?: TSESTree.Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
    getDeclaredVariables: (node: TSESTree.Node) => scopeManager.getDeclaredVariables(node),
    // As ESLint's: the innermost scope around the node, the function's own scope for a named function expression.
    getScope(node: TSESTree.Node): Scope {
      const cached = scopes.get(node);
      if (cached) return cached;
      const inner = node.type !== AST_NODE_TYPES.Program;
      let found: Scope = scopeManager.scopes[0]!;
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        const scope = scopeManager.acquire(current, inner);
        if (scope) {
          found = scope.type === TSESLint.Scope.ScopeType.functionExpressionName ? scope.childScopes[0]! : scope;
          break;
        }
      }
      scopes.set(node, found);
      return found;
    },
  };
  return source as unknown as Readonly<TSESLint.SourceCode>;
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
