// A module's exports, from the module's own analysis: the same tracker and call graph a linted
// file gets. Each export becomes a shape (function, class, object, or a link to another module)
// that carries the blocking chain a call of it reaches. CommonJS (`module.exports = …`,
// `exports.x = …`) and ESM (`export function`, `export default`, `export { x } from`,
// `export *`) are both read; what cannot be read statically stays `unknown`.

import { AST_NODE_TYPES, ASTUtils, DefinitionType, type TSESLint, type TSESTree } from '../estree.js';

import { functionName, isFunctionNode, memberChain, memberName, propertyKeyName, staticString, unwrapExpression, type FunctionNode } from '../ast.js';
import type { CallGraph, CompactFunction } from '../call-graph.js';
import { importBindings, requiredModule, type ImportBinding } from '../import-bindings.js';
import { CALL, memberShape as member, NAMESPACE, NEW, REQUIRE, UNKNOWN, type ExportShape, type RemoteChain } from './shapes.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;


export interface ExportSources {
  readonly file: string;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly callGraph: CallGraph;
  /** The blocking chain behind a function, worked out when first asked (it may read other modules). */
  readonly chainOf: (fn: CompactFunction) => RemoteChain | undefined;
  /** The project file a specifier in this module names, when it is one. */
  readonly resolve: (specifier: string) => string | undefined;
}

export interface ModuleExports {
  readonly exports: Map<string, ExportShape>;
  readonly starExports: string[];
}

/** Reads the exports of a module. */
export function readExports(sources: ExportSources): ModuleExports {
  return new ExportReader(sources).read();
}

const MAX_DEPTH = 12;

class ExportReader {
  readonly #sources: ExportSources;
  readonly #exports = new Map<string, ExportShape>();
  readonly #starExports: string[] = [];
  /** `exports.x = …` and `module.exports.x = …`, merged into `module.exports` at the end. */
  readonly #commonJsMembers = new Map<string, ExportShape>();
  readonly #bindings: Map<string, ImportBinding>;
  readonly #functions = new Map<FunctionNode, ExportShape>();
  readonly #classes = new Map<ClassNode, ExportShape>();
  readonly #compacts = new Map<FunctionNode, CompactFunction>();
  #depth = 0;

  constructor(sources: ExportSources) {
    this.#sources = sources;
    this.#bindings = new Map(importBindings(sources.sourceCode.ast).map((binding) => [binding.local, binding]));
  }

  read(): ModuleExports {
    for (const statement of this.#sources.sourceCode.ast.body) this.#statement(statement);
    if (this.#commonJsMembers.size > 0) {
      const whole = this.#exports.get('*');
      const members = new Map(whole?.kind === 'object' ? whole.members : []);
      for (const [name, shape] of this.#commonJsMembers) members.set(name, shape);
      this.#exports.set('*', { kind: 'object', members });
    }
    return { exports: this.#exports, starExports: this.#starExports };
  }

  #statement(statement: TSESTree.ProgramStatement): void {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        this.#exportNamed(statement);
        return;
      case AST_NODE_TYPES.ExportAllDeclaration: {
        const file = this.#sources.resolve(statement.source.value);
        if (file === undefined) return;
        if (statement.exported) this.#exports.set(nameOf(statement.exported), { kind: 'link', file, path: [NAMESPACE] });
        else this.#starExports.push(file);
        return;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration;
        this.#exports.set('default', this.#shapeOf(declaration));
        return;
      }
      case AST_NODE_TYPES.ExpressionStatement:
        this.#commonJs(statement.expression);
        return;
      default:
        return;
    }
  }

  #exportNamed(statement: TSESTree.ExportNamedDeclaration): void {
    const declaration = statement.declaration;
    if (declaration) {
      if ((declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) {
        this.#exports.set(declaration.id.name, this.#shapeOf(declaration));
      } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) this.#exports.set(declarator.id.name, declarator.init ? this.#shapeOf(declarator.init) : UNKNOWN);
        }
      }
      return;
    }
    const from = statement.source ? this.#sources.resolve(statement.source.value) : undefined;
    for (const specifier of statement.specifiers) {
      const local = nameOf(specifier.local);
      const exported = nameOf(specifier.exported);
      if (statement.source) {
        if (from !== undefined) this.#exports.set(exported, { kind: 'link', file: from, path: [local === '*' ? NAMESPACE : local] });
      } else if (specifier.local.type === AST_NODE_TYPES.Identifier) {
        this.#exports.set(exported, this.#shapeOf(specifier.local));
      }
    }
  }

  /** `module.exports = …`, `module.exports.x = …`, `exports.x = …`, `Object.assign(module.exports, {…})`. */
  #commonJs(expression: TSESTree.Expression): void {
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
      const target = commonJsTarget(expression.left);
      if (target === undefined) {
        // `module.exports = exports = …` and friends: the inner assignment decides.
        if (expression.right.type === AST_NODE_TYPES.AssignmentExpression) this.#commonJs(expression.right);
        return;
      }
      const right = expression.right.type === AST_NODE_TYPES.AssignmentExpression && commonJsTarget(expression.right.left) !== undefined ? expression.right.right : expression.right;
      const shape = this.#shapeOf(right);
      if (target === '') this.#exports.set('*', shape);
      else this.#commonJsMembers.set(target, shape);
      return;
    }
    if (expression.type === AST_NODE_TYPES.CallExpression && memberChain(expression.callee)?.join('.') === 'Object.assign' && commonJsTarget(expression.arguments[0]) === '') {
      for (const source of expression.arguments.slice(1)) {
        const shape = this.#shapeOf(source);
        if (shape.kind === 'object') for (const [name, member] of shape.members) this.#commonJsMembers.set(name, member);
      }
    }
  }

  // ── shapes ───────────────────────────────────────────────────────────────────────────────

  #shapeOf(node: TSESTree.Node): ExportShape {
    if (this.#depth > MAX_DEPTH) return UNKNOWN;
    this.#depth++;
    try {
      return this.#shapeStep(unwrapExpression(node));
    } finally {
      this.#depth--;
    }
  }

  #shapeStep(node: TSESTree.Node): ExportShape {
    if (isFunctionNode(node)) return this.#functionShape(node);
    switch (node.type) {
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return this.#classShape(node);
      case AST_NODE_TYPES.Identifier:
        return this.#identifierShape(node);
      case AST_NODE_TYPES.ObjectExpression:
        return this.#objectShape(node);
      case AST_NODE_TYPES.MemberExpression: {
        const required = requiredModule(node);
        if (required) return this.#requireShape(required.specifier, required.path);
        const name = memberName(node);
        return name === undefined ? UNKNOWN : member(this.#shapeOf(node.object), name);
      }
      case AST_NODE_TYPES.NewExpression: {
        const callee = this.#shapeOf(node.callee);
        if (callee.kind === 'class') return callee.instance;
        if (callee.kind === 'link') return { kind: 'link', file: callee.file, path: [...callee.path, NEW] };
        return UNKNOWN;
      }
      case AST_NODE_TYPES.CallExpression: {
        const required = requiredModule(node);
        if (required) return this.#requireShape(required.specifier, required.path);
        const callee = this.#shapeOf(node.callee);
        if (callee.kind === 'function') return callee.returns ?? UNKNOWN;
        if (callee.kind === 'link') return { kind: 'link', file: callee.file, path: [...callee.path, CALL] };
        return UNKNOWN;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.#shapeOf(node.argument);
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.#shapeOf(node.left);
        return left.kind !== 'unknown' ? left : this.#shapeOf(node.right);
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const consequent = this.#shapeOf(node.consequent);
        return consequent.kind !== 'unknown' ? consequent : this.#shapeOf(node.alternate);
      }
      default:
        return UNKNOWN;
    }
  }

  #requireShape(specifier: string, path: readonly string[]): ExportShape {
    const file = this.#sources.resolve(specifier);
    return file === undefined ? UNKNOWN : { kind: 'link', file, path: [REQUIRE, ...path] };
  }

  #functionShape(fn: FunctionNode): ExportShape {
    const known = this.#functions.get(fn);
    if (known) return known;
    // Recursion (a function that returns itself, a factory that calls itself) ends here.
    this.#functions.set(fn, UNKNOWN);
    const returns = this.#returnShape(fn);
    const shape = this.#withLazyChain(
      {
        kind: 'function' as const,
        name: withoutExportsPrefix(functionName(fn) ?? 'an anonymous function'),
        ...(returns.kind === 'unknown' ? {} : { returns }),
      },
      fn,
      'chain',
    );
    this.#functions.set(fn, shape);
    return shape;
  }

  /**
   * `shape` with `possible`, and with `key` as a getter that works out the chain behind calling
   * `fn` when it is read, not now: most exports are never called while serving, and their chains
   * would mean parsing the modules they call into. The getter is defined on the shape itself: a
   * spread (`{ ...lazy }`) would read it, and did, which parsed those modules for every summary.
   */
  #withLazyChain<S extends object, K extends 'chain' | 'construct'>(shape: S, fn: FunctionNode, key: K): S & { readonly possible: boolean } & { readonly [P in K]?: RemoteChain } {
    const compact = this.#sources.callGraph.compact(fn, this.#compacts);
    const possible = mayReachBlocking(compact);
    const chainOf = this.#sources.chainOf;
    const lazy = Object.assign(shape, { possible });
    if (possible) Object.defineProperty(lazy, key, { enumerable: true, get: () => chainOf(compact) });
    return lazy;
  }

  /** What a function returns, when every `return` agrees on something we can follow: a factory's instance. */
  #returnShape(fn: FunctionNode): ExportShape {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.#shapeOf(fn.body);
    for (const node of walkOwnBody(fn, this.#sources.sourceCode.visitorKeys)) {
      if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) continue;
      const shape = this.#shapeOf(node.argument);
      if (shape.kind !== 'unknown') return shape;
    }
    return UNKNOWN;
  }

  #classShape(node: ClassNode): ExportShape {
    const known = this.#classes.get(node);
    if (known) return known;
    this.#classes.set(node, UNKNOWN);
    const instance = new Map<string, ExportShape>();
    const statics = new Map<string, ExportShape>();
    let constructorNode: FunctionNode | undefined;
    for (const item of node.body.body) {
      if (item.type !== AST_NODE_TYPES.MethodDefinition && item.type !== AST_NODE_TYPES.PropertyDefinition) continue;
      const name = propertyKeyName(item);
      const value = item.value ? unwrapExpression(item.value) : undefined;
      if (name === undefined || !isFunctionNode(value)) continue;
      if (item.type === AST_NODE_TYPES.MethodDefinition && item.kind === 'constructor') {
        constructorNode = value;
        continue;
      }
      if (item.type === AST_NODE_TYPES.MethodDefinition && item.kind !== 'method') continue;
      (item.static ? statics : instance).set(name, this.#functionShape(value));
    }
    // Methods a subclass does not override come from its base class.
    const base = node.superClass ? this.#shapeOf(node.superClass) : UNKNOWN;
    const baseInstance: ExportShape =
      base.kind === 'class' ? base.instance : base.kind === 'link' ? { kind: 'link', file: base.file, path: [...base.path, NEW] } : UNKNOWN;
    const instanceShape: ExportShape = { kind: 'object', members: instance, ...(baseInstance.kind === 'unknown' ? {} : { fallback: baseInstance }) };
    const bare = { kind: 'class', name: node.id?.name ?? 'an anonymous class', instance: instanceShape, statics } as const;
    const shape: ExportShape = constructorNode ? this.#withLazyChain(bare, constructorNode, 'construct') : { ...bare, possible: false };
    this.#classes.set(node, shape);
    return shape;
  }

  #objectShape(node: TSESTree.ObjectExpression): ExportShape {
    const members = new Map<string, ExportShape>();
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = this.#shapeOf(property.argument);
        if (spread.kind === 'object') for (const [name, shape] of spread.members) members.set(name, shape);
        continue;
      }
      if (property.kind !== 'init') continue;
      const name = propertyKeyName(property);
      if (name !== undefined) members.set(name, this.#shapeOf(property.value));
    }
    return { kind: 'object', members };
  }

  /** A module-level name: a function, a class, a const, an import, or a variable a factory fills. */
  #identifierShape(identifier: TSESTree.Identifier): ExportShape {
    const binding = this.#bindings.get(identifier.name);
    const variable = ASTUtils.findVariable(this.#sources.sourceCode.getScope(identifier), identifier);
    if (binding && variable?.defs.some((definition) => definition.name === binding.declaration || definition.node === binding.declaration)) {
      const file = this.#sources.resolve(binding.specifier);
      return file === undefined ? UNKNOWN : { kind: 'link', file, path: [...linkHead(binding), ...binding.path] };
    }
    const definition = variable?.defs[0];
    if (!variable || !definition) return UNKNOWN;
    if (definition.type === DefinitionType.FunctionName && isFunctionNode(definition.node)) return this.#functionShape(definition.node);
    if (definition.type === DefinitionType.ClassName) return this.#classShape(definition.node);
    if (definition.type !== DefinitionType.Variable || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return UNKNOWN;
    if (definition.node.init && definition.node.id === definition.name) {
      const initial = this.#shapeOf(definition.node.init);
      if (initial.kind !== 'unknown') return initial;
    }
    // `let db; export function getDb() { db ??= openDatabase(); return db; }`: what is assigned to it.
    for (const reference of variable.references) {
      if (!reference.isWrite() || !reference.writeExpr || reference.writeExpr === definition.node.init) continue;
      const assigned = this.#shapeOf(reference.writeExpr);
      if (assigned.kind !== 'unknown') return assigned;
    }
    return UNKNOWN;
  }
}

/** False when nothing `fn` runs calls a known blocking API or another module: then it cannot block. */
function mayReachBlocking(fn: CompactFunction, seen = new Set<CompactFunction>()): boolean {
  if (fn.skipped || seen.has(fn)) return false;
  seen.add(fn);
  return fn.direct !== undefined || fn.pending.length > 0 || fn.calls.some((callee) => mayReachBlocking(callee, seen));
}

/** `exports.load` and `module.exports.load` are `load` to the modules that import them. */
export function withoutExportsPrefix(name: string): string {
  return name.replace(/^(?:module\.)?exports\./, '');
}


/** The first step of a link for an import binding: what of the module the binding holds. */
function linkHead(binding: ImportBinding): [string] {
  // A `require` bound to a name, and TypeScript's `import x = require()`: module.exports.
  if (binding.declaration.type === AST_NODE_TYPES.Identifier || binding.declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return [REQUIRE];
  return [binding.imported === '*' ? NAMESPACE : binding.imported];
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** `''` for `module.exports`, the member name for `module.exports.x` and `exports.x`, undefined otherwise. */
function commonJsTarget(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const chain = memberChain(node);
  if (!chain) {
    // `module.exports['x']`
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
      const name = staticString(node.property);
      const parent = memberChain(node.object)?.join('.');
      if (name !== undefined && (parent === 'module.exports' || parent === 'exports')) return name;
    }
    return undefined;
  }
  if (chain.join('.') === 'module.exports') return '';
  if (chain.length === 3 && chain[0] === 'module' && chain[1] === 'exports') return chain[2];
  if (chain.length === 2 && chain[0] === 'exports') return chain[1];
  return undefined;
}

/** The nodes of a function's own body: nested functions are other functions, and their returns are theirs. */
function* walkOwnBody(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): Generator<TSESTree.Node> {
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (child !== null && typeof child === 'object' && 'type' in child && !isFunctionNode(child as TSESTree.Node)) stack.push(child as TSESTree.Node);
      }
    }
  }
}
