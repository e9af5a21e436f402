// The file's call graph, for blocking that hides in helpers: a handler calls
// `render()`, which calls `loadTemplate()`, which calls `fs.readFileSync`.
// Each function is summarised once: the first blocking chain it can reach
// through calls that run while it runs. Recursion ends the walk, and so does a
// blocking call behind a cache guard (`cache ??= readFileSync(…)`), which
// blocks once, not per request.

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from './estree.js';
import { calleeName, enclosingFunction, functionName, isFunctionNode, memberChain, propertyKeyName, unwrapExpression, walk, type FunctionNode } from './ast.js';
import type { PendingCall } from './module-graph/shapes.js';
import type { BlockingSite } from './tracker.js';

/** A blocking chain: the helpers called, in order, ending at the blocking API. */
export interface BlockingChain {
  /** `['render', 'loadTemplate']`: the functions called, outermost first. */
  readonly functions: readonly string[];
  readonly site: BlockingSite;
}

/** Callbacks these methods and functions run before they return, so their bodies count. */
const SYNC_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted', 'from']);

/**
 * A function's calls without its syntax tree: what a module summary keeps, so that whether an
 * export blocks can be worked out later, when a caller asks, after the tree is gone.
 */
export interface CompactFunction {
  readonly name: string;
  /** Async functions and generators are their own rules' business: never a link in a chain. */
  readonly skipped: boolean;
  /** Its first blocking call of a known API, with the line. */
  readonly direct?: { readonly entry: BlockingSite['entry']; readonly module?: string; readonly line: number };
  /** Its calls into other modules, in order, each with the callee as written. */
  readonly pending: Array<{ readonly call: Omit<PendingCall, 'node'>; readonly written: string }>;
  /** The local functions it calls, in order. */
  readonly calls: CompactFunction[];
}

/**
 * lodash's and underscore's `throttle(fn)` and `debounce(fn)` (also imported on their own): the
 * caller's call runs `fn`, at once or a little later, on the loop. Not `memoize`, which is a cache.
 */
const RATE_LIMITERS = new Set(['throttle', 'debounce']);

/** Calls into the project's other modules, and how to learn whether one blocks (an expensive look-up, made only when asked). */
export interface PendingCalls {
  readonly calls: readonly PendingCall[];
  readonly resolve: (call: PendingCall) => BlockingSite | undefined;
}

export class CallGraph {
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  /** Blocking sites, by the function whose run they belong to. */
  readonly #sitesByFunction = new Map<FunctionNode, BlockingSite[]>();
  /** Calls into other modules, by the function whose run they belong to. */
  readonly #pendingByFunction = new Map<FunctionNode, PendingCall[]>();
  readonly #resolve: PendingCalls['resolve'] | undefined;
  /** Calls to resolvable local functions, by the function whose run they belong to. */
  readonly #callsByFunction = new Map<FunctionNode, Array<{ call: TSESTree.CallExpression; target: FunctionNode }>>();
  readonly #summaries = new Map<FunctionNode, BlockingChain | null>();
  readonly #inProgress = new Set<FunctionNode>();
  #built = false;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, sites: readonly BlockingSite[], pending?: PendingCalls) {
    this.#sourceCode = sourceCode;
    this.#resolve = pending?.resolve;
    for (const site of sites) {
      if (site.form !== 'call' || isCacheGuarded(site.node, sourceCode)) continue;
      const owner = owningFunction(site.node);
      if (!owner) continue;
      const list = this.#sitesByFunction.get(owner) ?? [];
      list.push(site);
      this.#sitesByFunction.set(owner, list);
    }
    for (const call of pending?.calls ?? []) {
      if (isCacheGuarded(call.node, sourceCode)) continue;
      const owner = owningFunction(call.node);
      if (!owner) continue;
      const list = this.#pendingByFunction.get(owner) ?? [];
      list.push(call);
      this.#pendingByFunction.set(owner, list);
    }
  }

  /** The first blocking call `fn` makes itself: a known API, or a helper of another module that blocks. */
  #directSite(fn: FunctionNode): BlockingSite | undefined {
    const direct = this.#sitesByFunction.get(fn)?.[0];
    if (direct || !this.#resolve) return direct;
    for (const call of this.#pendingByFunction.get(fn) ?? []) {
      const site = this.#resolve(call);
      if (site) return site;
    }
    return undefined;
  }

  /** The first blocking chain `fn` reaches, or undefined. Async functions are their own rule's business. */
  chainFrom(fn: FunctionNode): BlockingChain | undefined {
    if (fn.async || fn.generator) return undefined;
    this.#build();
    const known = this.#summaries.get(fn);
    if (known !== undefined) return known ?? undefined;
    if (this.#inProgress.has(fn)) return undefined;
    this.#inProgress.add(fn);
    let result: BlockingChain | null = null;
    const name = functionName(fn) ?? 'an anonymous function';
    const direct = this.#directSite(fn);
    if (direct) {
      result = { functions: [name], site: direct };
    } else {
      for (const { target } of this.#callsByFunction.get(fn) ?? []) {
        const deeper = this.chainFrom(target);
        if (deeper) {
          result = { functions: [name, ...deeper.functions], site: deeper.site };
          break;
        }
      }
    }
    this.#inProgress.delete(fn);
    this.#summaries.set(fn, result);
    return result ?? undefined;
  }

  /**
   * `fn` and the local functions it reaches, as CompactFunctions. Cache guards are already taken
   * out, as for chainFrom; nothing in another module is read.
   */
  compact(fn: FunctionNode, made = new Map<FunctionNode, CompactFunction>()): CompactFunction {
    this.#build();
    const known = made.get(fn);
    if (known) return known;
    const site = this.#sitesByFunction.get(fn)?.[0];
    const compact: CompactFunction = {
      name: functionName(fn) ?? 'an anonymous function',
      skipped: fn.async || fn.generator,
      ...(site ? { direct: { entry: site.entry, ...(site.module === undefined ? {} : { module: site.module }), line: site.node.loc.start.line } } : {}),
      pending: (this.#pendingByFunction.get(fn) ?? []).map(({ node, shape, isNew }) => {
        const written = this.#sourceCode.getText(node.callee);
        return { call: { shape, isNew }, written: written.length <= 40 ? written : 'a helper' };
      }),
      calls: [],
    };
    made.set(fn, compact);
    for (const { target } of this.#callsByFunction.get(fn) ?? []) compact.calls.push(this.compact(target, made));
    return compact;
  }

  /** Every call of a local function in the file, with its target. */
  allCalls(): ReadonlyArray<{ call: TSESTree.CallExpression; target: FunctionNode }> {
    this.#build();
    return this.#calls;
  }

  readonly #calls: Array<{ call: TSESTree.CallExpression; target: FunctionNode }> = [];

  #build(): void {
    if (this.#built) return;
    this.#built = true;
    // Only files that call something can have chains; the walk is one pass over the tree.
    for (const node of walk(this.#sourceCode.ast, this.#sourceCode.visitorKeys)) {
      if (node.type !== AST_NODE_TYPES.CallExpression) continue;
      const target = resolveCallee(node, this.#sourceCode);
      if (!target) continue;
      this.#calls.push({ call: node, target });
      const owner = owningFunction(node);
      if (!owner) continue;
      const list = this.#callsByFunction.get(owner) ?? [];
      list.push({ call: node, target });
      this.#callsByFunction.set(owner, list);
    }
  }
}

/**
 * The function whose run `node` happens in: its enclosing function, climbing through callbacks
 * that array methods run before returning, and through immediately invoked functions.
 */
export function owningFunction(node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn) {
    const parent = fn.parent;
    const runsNow =
      parent.type === AST_NODE_TYPES.CallExpression &&
      (parent.callee === fn ||
        (parent.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
          ((unwrapExpression(parent.callee).type === AST_NODE_TYPES.MemberExpression && SYNC_CALLBACK_METHODS.has(calleeName(parent) ?? '')) ||
            RATE_LIMITERS.has(calleeName(parent) ?? ''))));
    if (!runsNow) return fn;
    fn = enclosingFunction(fn);
  }
  return undefined;
}

/** `helper()`, `this.helper()` in a class, `obj.helper()` on a const object literal, `make()()`-style factories. */
function resolveCallee(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return functionBoundTo(callee, sourceCode, 0);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = callee.computed ? undefined : callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (name === undefined) return undefined;
  const object = unwrapExpression(callee.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) return classMethod(call, name);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(object, sourceCode);
    if (init?.type === AST_NODE_TYPES.ObjectExpression) return objectMethod(init, name);
  }
  return undefined;
}

/** The function an identifier is bound to: a declaration, a const function, or a factory's returned function. */
function functionBoundTo(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): FunctionNode | undefined {
  if (depth > 3) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  const init = constInitializer(identifier, sourceCode);
  if (!init) return undefined;
  if (isFunctionNode(init)) return init;
  // `const render = makeRenderer(options)`: the function the factory returns.
  if (init.type === AST_NODE_TYPES.CallExpression && unwrapExpression(init.callee).type === AST_NODE_TYPES.Identifier) {
    const factory = functionBoundTo(unwrapExpression(init.callee) as TSESTree.Identifier, sourceCode, depth + 1);
    return factory ? returnedFunction(factory, sourceCode, depth + 1) : undefined;
  }
  return undefined;
}

function constInitializer(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration || definition.parent.kind !== 'const') return undefined;
  return definition.node.init ? (unwrapExpression(definition.node.init) as TSESTree.Expression) : undefined;
}

/** The single function a factory returns: `return function render() {…}` or `=> (…) => …`. */
function returnedFunction(factory: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>, depth: number): FunctionNode | undefined {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrapExpression(factory.body);
    return isFunctionNode(body) ? body : undefined;
  }
  const returned: FunctionNode[] = [];
  for (const node of walk(factory.body, sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || enclosingFunction(node) !== factory || !node.argument) continue;
    const value = unwrapExpression(node.argument);
    if (isFunctionNode(value)) returned.push(value);
    else if (value.type === AST_NODE_TYPES.Identifier) {
      const bound = functionBoundTo(value, sourceCode, depth + 1);
      if (bound) returned.push(bound);
      else return undefined;
    } else return undefined;
  }
  return returned.length === 1 ? returned[0] : undefined;
}

function classMethod(call: TSESTree.Node, name: string): FunctionNode | undefined {
  for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    for (const member of current.body) {
      if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.static && propertyKeyName(member) === name) {
        const value = member.value ? unwrapExpression(member.value) : undefined;
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') return undefined;
        return isFunctionNode(value) ? value : undefined;
      }
    }
    return undefined;
  }
  return undefined;
}

function objectMethod(object: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || propertyKeyName(property) !== name) continue;
    const value = unwrapExpression(property.value);
    return isFunctionNode(value) ? value : undefined;
  }
  return undefined;
}

/**
 * A blocking call that fills a cache once: `cache ??= read()`, `cache ||= read()`, or inside
 * `if (!cache) { cache = … }` / `if (cache === undefined) …` where the branch assigns the
 * variable its test reads. After the first call it no longer runs.
 */
export function isCacheGuarded(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const fn = enclosingFunction(node);
  if (fn && afterEarlyReturnGuard(node, fn, sourceCode)) return true;
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) break;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && (parent.operator === '??=' || parent.operator === '||=')) return true;
    // `cache.get(key) || compile(read(…))`, with `cache.set(key, …)` in the function: once per key.
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current && (parent.operator === '||' || parent.operator === '??') && fn && memoisedThrough(parent.left, fn, sourceCode)) return true;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === current) {
      const cached = guardedName(parent.test);
      if (cached && assigns(parent.consequent, cached, sourceCode)) return true;
    }
  }
  return false;
}

/**
 * `if (cache) return cache;` (or `if (cache !== null) { return … }`) before the call, in the
 * same function, which later assigns `cache`: the call runs on the first call only.
 */
function afterEarlyReturnGuard(node: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const statement of fn.body.body) {
    if (statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]) return false;
    if (statement.type !== AST_NODE_TYPES.IfStatement || !returns(statement.consequent)) continue;
    const cached = presentName(statement.test);
    if (cached && assigns(fn.body, cached, sourceCode)) return true;
  }
  return false;
}

/** True when `test` reads `<map>.get(…)` and `fn` calls `<map>.set(…)`: a memo table. */
function memoisedThrough(test: TSESTree.Node, fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const maps = new Set<string>();
  for (const node of walk(test, sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && calleeName(node) === 'get') {
      const chain = memberChain(callee.object);
      if (chain) maps.add(chain.join('.'));
    }
  }
  if (maps.size === 0) return false;
  for (const node of walk(fn.body, sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.CallExpression || calleeName(node) !== 'set') continue;
    const callee = unwrapExpression(node.callee);
    const chain = callee.type === AST_NODE_TYPES.MemberExpression ? memberChain(callee.object) : undefined;
    if (chain && maps.has(chain.join('.'))) return true;
  }
  return false;
}

/** `x` of `this.x`, `#x` of `this.#x`. */
function propertyName(property: TSESTree.Node): string | undefined {
  if (property.type === AST_NODE_TYPES.Identifier) return property.name;
  return property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${property.name}` : undefined;
}

/** True when the branch is, or ends with, a `return`. */
function returns(branch: TSESTree.Statement): boolean {
  if (branch.type === AST_NODE_TYPES.ReturnStatement) return true;
  return branch.type === AST_NODE_TYPES.BlockStatement && branch.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement;
}

/** `x` for tests that say it is there: `x`, `this.x`, `x !== null`, `x != undefined`. */
function presentName(test: TSESTree.Expression): string | undefined {
  const target = (node: TSESTree.Node): string | undefined => {
    const inner = unwrapExpression(node);
    if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
    if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) return propertyName(inner.property);
    return undefined;
  };
  if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=')) {
    const isEmpty = (side: TSESTree.Node): boolean =>
      (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined') || (side.type === AST_NODE_TYPES.Literal && side.value === null);
    if (isEmpty(test.right)) return target(test.left);
    if (isEmpty(test.left)) return target(test.right);
    return undefined;
  }
  return target(test);
}

/** `x` for tests `!x`, `x === undefined`, `x == null`, `!this.x`, `x === null`. */
function guardedName(test: TSESTree.Expression): string | undefined {
  const target = (node: TSESTree.Node): string | undefined => {
    const inner = unwrapExpression(node);
    if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
    if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) return propertyName(inner.property);
    return undefined;
  };
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return target(test.argument);
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator) && !test.operator.startsWith('!')) {
    const isEmpty = (side: TSESTree.Node): boolean =>
      (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined') || (side.type === AST_NODE_TYPES.Literal && side.value === null);
    if (isEmpty(test.right)) return target(test.left);
    if (isEmpty(test.left)) return target(test.right);
  }
  return undefined;
}

function assigns(branch: TSESTree.Node, name: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const node of walk(branch, sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const left = unwrapExpression(node.left);
    if (left.type === AST_NODE_TYPES.Identifier && left.name === name) return true;
    if (left.type === AST_NODE_TYPES.MemberExpression && !left.computed && propertyName(left.property) === name) return true;
  }
  return false;
}
