// Parses one of the project's modules the way ESLint parses the file being linted (the same
// parser, with scope analysis), so that the module gets the same tracker and call graph as a file
// being linted. Used for the modules a linted file imports, which ESLint may not have linted yet,
// or may not lint at all: a second parse of a file is the module graph's main cost, so this one
// skips what the analysis never reads (tokens, comments, JSDoc) and builds only the part of
// ESLint's SourceCode that the tracker, the call graph and the export reader use.
//
// The parser is the linted file's own (`languageOptions.parser`): typescript-eslint's in a
// TypeScript project, ESLint's default espree in a JavaScript one, where ESLint's own scope
// analysis (eslint-scope) supplies the scopes.

import { createRequire } from 'node:module';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '../estree.js';
import { requireBesideParser, sourceTypeOf } from '../parser-options.js';

export type ParsedModule =
  | { readonly ok: true; readonly sourceCode: Readonly<TSESLint.SourceCode> }
  | { readonly ok: false; readonly reason: string };

/** An ESLint parser: typescript-eslint's (parseForESLint, with scopes) or espree (parse only). */
export interface ModuleParser {
  readonly parseForESLint?: (code: string, options: Record<string, unknown>) => { ast: unknown; scopeManager?: unknown; visitorKeys?: unknown };
  readonly parse?: (code: string, options: Record<string, unknown>) => unknown;
  readonly VisitorKeys?: unknown;
  readonly meta?: { readonly name?: string; readonly version?: string };
}

/**
 * typescript-eslint's parser, taken apart: its parseForESLint always builds tokens, comments and
 * the maps between its tree and TypeScript's (ESLint needs them), and a summary needs none of
 * these; on a real service they were a fifth of the second parse. Its own typescript-estree and
 * scope manager do the same parse without them.
 */
interface TypescriptEslintParts {
  readonly parse: (code: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: TSESTree.Program, options: Record<string, unknown>) => ScopeManager;
}

type ScopeManager = NonNullable<TSESLint.SourceCode['scopeManager']>;
type Scope = TSESLint.Scope.Scope;
type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** ESLint's own scope analysis and visitor keys, for a parser that brings neither: the copies ESLint uses. */
const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'));
let eslintScope: { analyze(ast: unknown, options: Record<string, unknown>): unknown } | undefined;
let eslintKeys: VisitorKeys | undefined;

/** ESLint strips a byte order mark and comments out a shebang before parsing. */
const SHEBANG = /^#!([^\r\n\u2028\u2029]*)/u;

export function parseModule(file: string, text: string, parser: ModuleParser): ParsedModule {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(SHEBANG, (_, rest: string) => `//${rest}`);
  const sourceType = sourceTypeOf(file);
  const options = {
    filePath: file,
    sourceType,
    ecmaVersion: 'latest',
    ecmaFeatures: { jsx: !/\.[cm]?ts$/.test(file), globalReturn: false },
    range: true,
    loc: true,
    tokens: false,
    comment: false,
    jsDocParsingMode: 'none',
  };
  try {
    let ast: TSESTree.Program;
    let scopeManager: ScopeManager | undefined;
    let visitorKeys: VisitorKeys | undefined;
    const parts = typescriptEslintParts(parser);
    if (parts) {
      // What parseForESLint does, less tokens, comments and node maps. No implicit lib globals:
      // the analysis reads an undeclared global (`setTimeout`) as one either way (globals.ts).
      const scriptOrModule = sourceType === 'module' ? 'module' : 'script';
      // The summary does not validate the module (ESLint does, when it lints it): skipping
      // typescript-estree's own checks of the tree (TypeScript's syntax errors still throw) and
      // its deprecation warnings makes this parse 5–8 % cheaper.
      ast = parts.parse(body, { ...options, jsx: options.ecmaFeatures.jsx, sourceType: scriptOrModule, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true });
      ast.sourceType = scriptOrModule;
      scopeManager = parts.analyze(ast, { globalReturn: false, sourceType: scriptOrModule, lib: [] });
    } else if (parser.parseForESLint) {
      const parsed = parser.parseForESLint(body, options);
      ast = parsed.ast as TSESTree.Program;
      scopeManager = parsed.scopeManager as ScopeManager | undefined;
      visitorKeys = parsed.visitorKeys as VisitorKeys | undefined;
    } else if (parser.parse) {
      ast = parser.parse(body, options) as TSESTree.Program;
      visitorKeys = parser.VisitorKeys as VisitorKeys | undefined;
    } else {
      return { ok: false, reason: 'the parser ESLint uses for the importing file has neither parse nor parseForESLint' };
    }
    visitorKeys ??= eslintKeys ??= (fromEslint('eslint-visitor-keys') as { KEYS: VisitorKeys }).KEYS;
    scopeManager ??= (eslintScope ??= fromEslint('eslint-scope') as NonNullable<typeof eslintScope>).analyze(ast, {
      ecmaVersion: 2025,
      sourceType: sourceType === 'commonjs' ? 'script' : 'module',
      nodejsScope: sourceType === 'commonjs',
      childVisitorKeys: visitorKeys,
      fallback: 'iteration',
    }) as ScopeManager;
    setParents(ast, visitorKeys);
    return { ok: true, sourceCode: moduleSource(body, ast, scopeManager, visitorKeys) };
  } catch (error) {
    // A stack overflow on deeply nested code, or a syntax error: either way, no summary.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it does not parse: ${message.split('\n')[0]}` };
  }
}

/** typescript-eslint's parts as installed beside this package, with their version; null when they cannot be loaded. */
let typescriptEslint: (TypescriptEslintParts & { readonly version: string | undefined }) | null | undefined;

/**
 * The parts, when `parser` is typescript-eslint's and the copy installed beside this package is
 * the same version (it is the one the user's config imports, unless a second copy is nested).
 */
function typescriptEslintParts(parser: ModuleParser): TypescriptEslintParts | undefined {
  if (parser.meta?.name !== 'typescript-eslint/parser') return undefined;
  if (typescriptEslint === undefined) {
    try {
      typescriptEslint = {
        version: requireBesideParser<{ version?: string }>('@typescript-eslint/parser/package.json').version,
        parse: requireBesideParser<TypescriptEslintParts>('@typescript-eslint/typescript-estree').parse,
        analyze: requireBesideParser<TypescriptEslintParts>('@typescript-eslint/scope-manager').analyze,
      };
    } catch {
      typescriptEslint = null;
    }
  }
  return typescriptEslint && typescriptEslint.version === parser.meta.version ? typescriptEslint : undefined;
}

/**
 * What the analysis reads of a SourceCode: the text, the tree, its scopes and visitor keys. The
 * rest of ESLint's SourceCode (the token store above all) is never built.
 */
function moduleSource(text: string, ast: TSESTree.Program, scopeManager: ScopeManager, visitorKeys: VisitorKeys): Readonly<TSESLint.SourceCode> {
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
          found = (scope.type as string) === 'function-expression-name' ? scope.childScopes[0]! : scope;
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
  const adopt = (child: unknown, parent: TSESTree.Node): void => {
    if (child !== null && typeof child === 'object' && 'type' in child) {
      (child as { parent?: TSESTree.Node }).parent = parent;
      stack.push(child as TSESTree.Node);
    }
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      // No array made for a single child: this runs for every node of every summarised module.
      if (Array.isArray(value)) for (const child of value as unknown[]) adopt(child, node);
      else adopt(value, node);
    }
  }
}
