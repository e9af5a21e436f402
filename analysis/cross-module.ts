// With type information, the transitive rule follows calls into other modules
// of the program: the checker resolves the callee to its declaration, and the
// declaration's body is summarised on TypeScript's own syntax tree. A call
// blocks when it resolves to a catalog API (`readFileSync` declared in
// `@types/node`'s `fs` module, `hashSync` in `@types/bcrypt`) or to a method
// of a known blocking type.
//
// Summaries are cached per program, keyed by declaration, so each function is
// summarised once per lint run. The cache is bounded, and it lives in this
// module's state, which ESLint's multithreaded mode gives each worker thread
// its own copy of: no two threads ever share it.

import { ts } from './typescript.js';

import { MODULE_APIS } from './catalog/index.js';
import type { ApiEntry } from './catalog/types.js';
import type { TypedMethodMatcher } from './typed-receivers.js';

/** A blocking chain in another module: the functions called, then the API, and where it is. */
export interface ForeignChain {
  readonly functions: readonly string[];
  readonly entry: ApiEntry;
  readonly file: string;
  readonly line: number;
}

/** Catalog entries by module and export path (`fs#readFileSync`). */
const BY_EXPORT = new Map<string, ApiEntry>();
for (const entry of MODULE_APIS) {
  for (const module of entry.modules) BY_EXPORT.set(`${module}#${entry.path.join('.')}`, entry);
}

const MAX_CACHED = 20_000;
const MAX_DEPTH = 6;
const caches = new WeakMap<ts.Program, Map<ts.Node, ForeignChain | null>>();

/** Callbacks these methods run before returning, so their bodies count as the caller's. */
const SYNC_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex', 'flatMap', 'sort']);

export class CrossModuleSummaries {
  readonly #program: ts.Program;
  readonly #checker: ts.TypeChecker;
  readonly #cache: Map<ts.Node, ForeignChain | null>;
  readonly #inProgress = new Set<ts.Node>();
  readonly #methods: TypedMethodMatcher | undefined;

  /** `methods` finds blocking methods by their receiver's type inside the helpers followed (a database handed in as a parameter). */
  constructor(program: ts.Program, methods?: TypedMethodMatcher) {
    this.#program = program;
    this.#methods = methods;
    this.#checker = program.getTypeChecker();
    let cache = caches.get(program);
    if (!cache) {
      cache = new Map();
      caches.set(program, cache);
    }
    this.#cache = cache;
  }

  /** The blocking chain behind calling `callee` (a TS node of the call's callee), if it leads into another module. */
  chainForCallee(callee: ts.Node, currentFile: string): ForeignChain | undefined {
    const declaration = this.#functionDeclaration(callee);
    if (!declaration || declaration.getSourceFile().fileName === currentFile) return undefined;
    return this.#summarise(declaration, 0);
  }

  #summarise(fn: ts.SignatureDeclaration, depth: number): ForeignChain | undefined {
    const known = this.#cache.get(fn);
    if (known !== undefined) return known ?? undefined;
    if (this.#inProgress.has(fn) || depth > MAX_DEPTH) return undefined;
    if (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) return this.#remember(fn, null) ?? undefined;
    this.#inProgress.add(fn);
    const name = declarationName(fn);
    let result: ForeignChain | null = null;
    const visit = (node: ts.Node): void => {
      if (result) return;
      if (node !== fn && ts.isFunctionLike(node) && !runsImmediately(node)) return;
      if (ts.isCallExpression(node) && !isCacheGuarded(node, fn)) {
        const direct = this.#catalogEntry(node.expression) ?? this.#typedMethod(node.expression);
        if (direct) {
          const source = node.getSourceFile();
          result = { functions: [name], entry: direct, file: source.fileName, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
          return;
        }
        const target = this.#functionDeclaration(node.expression);
        if (target && !target.getSourceFile().isDeclarationFile) {
          const deeper = this.#summarise(target, depth + 1);
          if (deeper) {
            result = { ...deeper, functions: [name, ...deeper.functions] };
            return;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if ('body' in fn && fn.body) visit(fn.body);
    this.#inProgress.delete(fn);
    return this.#remember(fn, result) ?? undefined;
  }

  #remember(fn: ts.Node, chain: ForeignChain | null): ForeignChain | null {
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(fn, chain);
    return chain;
  }

  /** A function with a body that the callee expression resolves to, following imports and re-exports. */
  #functionDeclaration(callee: ts.Node): ts.SignatureDeclaration | undefined {
    const symbol = this.#resolvedSymbol(callee);
    for (const declaration of symbol?.declarations ?? []) {
      if (
        (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) &&
        declaration.body
      ) {
        return declaration;
      }
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
        const init = skipParentheses(declaration.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    return undefined;
  }

  #resolvedSymbol(node: ts.Node): ts.Symbol | undefined {
    const target = ts.isPropertyAccessExpression(node) ? node.name : node;
    let symbol = this.#checker.getSymbolAtLocation(target);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.#checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** A blocking method by its receiver's type: `db.prepare(…)` where `db` is a better-sqlite3 Database. */
  #typedMethod(callee: ts.Node): ApiEntry | undefined {
    if (!this.#methods || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
    const method = callee.name.text;
    if (!this.#methods.mayMatch(method)) return undefined;
    const type = this.#checker.getNonNullableType(this.#checker.getTypeAtLocation(callee.expression));
    return this.#methods.match(type, method, this.#program);
  }

  /** The catalog API a callee resolves to: an export declared by a module's type declarations. */
  #catalogEntry(callee: ts.Node): ApiEntry | undefined {
    const symbol = this.#resolvedSymbol(callee);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    const source = declaration.getSourceFile();
    if (!source.isDeclarationFile) return undefined;
    const module = declaringModule(declaration, source.fileName);
    if (!module) return undefined;
    return BY_EXPORT.get(`${module}#${symbol.getName()}`);
  }

  get program(): ts.Program {
    return this.#program;
  }
}

/** `fs` for a declaration inside `declare module 'node:fs'`, or the package a .d.ts file belongs to. */
function declaringModule(declaration: ts.Node, fileName: string): string | undefined {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return node.name.text.replace(/^node:/, '');
  }
  const match = /[\\/]node_modules[\\/](?:@types[\\/])?((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(fileName);
  if (!match?.[1]) return undefined;
  const name = match[1].replace(/\\/g, '/');
  // @types/scope__name is the types package of @scope/name.
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

function declarationName(fn: ts.SignatureDeclaration): string {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return 'an anonymous function';
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

/** An inline callback that an array method runs before returning, or an immediately invoked function. */
function runsImmediately(fn: ts.Node): boolean {
  const parent = fn.parent;
  if (!ts.isCallExpression(parent)) return false;
  if (parent.expression === fn) return true;
  return ts.isPropertyAccessExpression(parent.expression) && SYNC_CALLBACK_METHODS.has(parent.expression.name.text) && parent.arguments.includes(fn as ts.Expression);
}

/** `cache ??= read()`, `cache ||= read()`, or `if (!cache) cache = read()`: blocks once, not per call. */
function isCacheGuarded(call: ts.Node, fn: ts.Node): boolean {
  for (let node: ts.Node = call; node.parent && node !== fn; node = node.parent) {
    const parent = node.parent;
    if (
      ts.isBinaryExpression(parent) &&
      parent.right === node &&
      (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarEqualsToken)
    ) {
      return true;
    }
    if (ts.isIfStatement(parent) && parent.thenStatement === node) {
      const guarded = guardedName(parent.expression);
      if (guarded && assigns(parent.thenStatement, guarded)) return true;
    }
  }
  return false;
}

function guardedName(test: ts.Expression): string | undefined {
  const name = (node: ts.Expression): string | undefined =>
    ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  if (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) return name(test.operand);
  if (ts.isBinaryExpression(test) && (test.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || test.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
    const empty = (node: ts.Expression): boolean => node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
    if (empty(test.right)) return name(test.left);
    if (empty(test.left)) return name(test.right);
  }
  return undefined;
}

function assigns(branch: ts.Node, target: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      if ((ts.isIdentifier(left) && left.text === target) || (ts.isPropertyAccessExpression(left) && left.name.text === target)) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(branch);
  return found;
}
