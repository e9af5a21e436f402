// Calls through a `workerModule(…)` proxy of @unblock/runtime run the module's export in a worker
// thread, off the event loop: `cryptoHelpersWorker.hashPassword(…)`, as `unblock fix` writes it.
// The type checker resolves such a call to the helper's own declaration (the proxy's type maps
// the module's), so without this the transitive rule would report the helper's blocking call at
// the very line that moved it off the loop.

import { isCallLike, memberName, outermostSameValue, propertyKeyName } from './ast.js';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from './estree.js';
import { importBindings, type ImportBinding } from './import-bindings.js';
import { normalizeModuleSpecifier } from './module-specifier.js';
import { RUNTIME_MODULES, WORKER_MODULE_EXPORT } from './runtime-api.js';

type Variable = TSESLint.Scope.Variable;

const cache = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/**
 * The calls in the file that go through a `workerModule` proxy: `proxy.fn(…)` on a `const` bound
 * to `workerModule(…)` (imported from @unblock/runtime, by name or through a namespace), a
 * function destructured from one, or `workerModule(…).fn(…)` itself.
 */
export function workerProxyCalls(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<TSESTree.Node> {
  const known = cache.get(sourceCode.ast);
  if (known) return known;
  const calls = new Set<TSESTree.Node>();
  // Most files never mention it: skip the scope work.
  if (sourceCode.text.includes(WORKER_MODULE_EXPORT)) {
    for (const factory of factoryReferences(sourceCode)) collectProxyCalls(factory, sourceCode, calls);
  }
  cache.set(sourceCode.ast, calls);
  return calls;
}

/** The expressions that denote `workerModule`: `workerModule` imported by name, or `runtime.workerModule`. */
function factoryReferences(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const binding of importBindings(sourceCode.ast)) {
    if (binding.typeOnly || !isRuntime(binding)) continue;
    const path = binding.imported === 'default' || binding.imported === '*' ? binding.path : [binding.imported, ...binding.path];
    if (path.length > 1 || (path.length === 1 && path[0] !== WORKER_MODULE_EXPORT)) continue;
    for (const variable of declaredVariables(sourceCode, binding)) {
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        const read = outermostSameValue(reference.identifier);
        if (path.length === 1) found.push(read);
        // The namespace or the module object: `runtime.workerModule`.
        else if (read.parent?.type === AST_NODE_TYPES.MemberExpression && read.parent.object === read && memberName(read.parent) === WORKER_MODULE_EXPORT) found.push(read.parent);
      }
    }
  }
  return found;
}

function isRuntime(binding: ImportBinding): boolean {
  return (RUNTIME_MODULES as readonly string[]).includes(normalizeModuleSpecifier(binding.specifier));
}

/** The variable a binding declares: an import's, or a top-level `const … = require(…)`'s. */
function declaredVariables(sourceCode: Readonly<TSESLint.SourceCode>, binding: ImportBinding): readonly Variable[] {
  const variable = ASTUtils.findVariable(sourceCode.getScope(binding.declaration), binding.local);
  return variable ? [variable] : [];
}

/** The proxy `workerModule(…)` makes at `factory`'s call, followed to the calls of its functions. */
function collectProxyCalls(factory: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, calls: Set<TSESTree.Node>): void {
  const call = factory.parent;
  if (!isCallLike(call) || call.callee !== factory) return;
  const proxy = outermostSameValue(call);
  const holder = proxy.parent;
  if (!holder) return;
  // workerModule(…).fn(…)
  if (holder.type === AST_NODE_TYPES.MemberExpression && holder.object === proxy) {
    addCallOf(holder, calls);
    return;
  }
  if (holder.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== proxy || holder.parent.kind !== 'const') return;
  const id = holder.id;
  for (const variable of sourceCode.getDeclaredVariables(holder)) {
    const destructured = id.type === AST_NODE_TYPES.ObjectPattern && isDestructuredProperty(id, variable);
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const read = outermostSameValue(reference.identifier);
      // const { fn } = workerModule(…); fn(…)
      if (destructured) addCallOf(read, calls);
      // const proxy = workerModule(…); proxy.fn(…)
      else if (id.type === AST_NODE_TYPES.Identifier && read.parent?.type === AST_NODE_TYPES.MemberExpression && read.parent.object === read) addCallOf(read.parent, calls);
    }
  }
}

/** A top-level property of the pattern, `{ fn }` or `{ fn: local }`, binds the variable. */
function isDestructuredProperty(pattern: TSESTree.ObjectPattern, variable: Variable): boolean {
  return pattern.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      propertyKeyName(property) !== undefined &&
      property.value.type === AST_NODE_TYPES.Identifier &&
      variable.identifiers.includes(property.value),
  );
}

/** Adds the call whose callee is `callee`, if there is one. */
function addCallOf(callee: TSESTree.Node, calls: Set<TSESTree.Node>): void {
  const outer = outermostSameValue(callee);
  const call = outer.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outer) calls.add(call);
}
