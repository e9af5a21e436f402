import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';
import { calleeName, enclosingFunction, isFunctionNode, memberChain, memberName, propertyKeyName, staticString, unwrapExpression, type FunctionNode } from './ast.js';

type Variable = TSESLint.Scope.Variable;

/** Calls whose callback runs once, while the service starts or stops, not per request. */
const LIFECYCLE_CALLBACK_METHODS = new Set(['listen', 'ready', 'after', 'onReady', 'onListen', 'onClose', 'bootstrap']);
/** `emitter.on(<event>, fn)` events that fire at start-up or shutdown. */
export const LIFECYCLE_EVENTS: ReadonlySet<string> = new Set([
  'listening',
  'ready',
  'close',
  'exit',
  'beforeExit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR2',
  'uncaughtException',
  'unhandledRejection',
]);
/** Fastify's application hooks, as opposed to its request hooks. */
const LIFECYCLE_HOOKS = new Set(['onReady', 'onListen', 'onClose', 'preClose', 'onRoute', 'onRegister']);
/** NestJS lifecycle hooks and module factories run while the application boots or shuts down. */
const LIFECYCLE_METHOD_NAMES = new Set([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);
const FACTORY_PROPERTY_NAMES = new Set(['useFactory']);
/** Test harnesses: their callbacks run under a test runner, never on a service's request path. */
const TEST_HARNESS_FUNCTIONS = new Set([
  'describe',
  'it',
  'test',
  'suite',
  'before',
  'after',
  'beforeAll',
  'afterAll',
  'beforeEach',
  'afterEach',
  'setup',
  'teardown',
  'context',
]);

/**
 * Decides which async functions are start-up (or shutdown, or test) code, where blocking is
 * harmless because nothing is being served yet: `main()` called from the top level, a Fastify
 * plugin body, a `listen` callback, a NestJS `onModuleInit` or `useFactory`.
 */
export class StartupIndex {
  private readonly memo = new Map<FunctionNode, boolean>();

  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly pluginFunctions: ReadonlySet<FunctionNode>;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, pluginFunctions: ReadonlySet<FunctionNode>) {
    this.sourceCode = sourceCode;
    this.pluginFunctions = pluginFunctions;
  }

  isStartup(fn: FunctionNode): boolean {
    const memoized = this.memo.get(fn);
    if (memoized !== undefined) return memoized;
    // Assume not while deciding, so that recursion (`main` calling itself) ends.
    this.memo.set(fn, false);
    const result = this.decide(fn);
    this.memo.set(fn, result);
    return result;
  }

  private decide(fn: FunctionNode): boolean {
    if (this.pluginFunctions.has(fn)) return true;
    if (isLifecycleCallback(fn) || isLifecycleMember(fn)) return true;
    const invocation = immediateInvocation(fn);
    if (invocation) return this.runsAtStartup(invocation);
    // `app.prepare().then(async () => …)` at the top level: the rest of start-up, run once.
    const chained = promiseContinuation(fn);
    if (chained) return this.runsAtStartup(chained);
    return this.onlyCalledAtStartup(fn);
  }

  /** A call made at module top level, or from a function that itself only runs at start-up. */
  private runsAtStartup(node: TSESTree.Node): boolean {
    const caller = enclosingFunction(node);
    return caller === undefined || this.isStartup(caller);
  }

  /** A named, unexported function whose every use is a start-up call or a lifecycle registration. */
  private onlyCalledAtStartup(fn: FunctionNode): boolean {
    const variable = bindingOf(this.sourceCode, fn);
    if (!variable || isExported(fn)) return false;
    const uses = variable.references.filter((reference) => reference.isRead());
    if (uses.length === 0) return false;
    return uses.every((reference) => {
      const use = reference.identifier as TSESTree.Node;
      const parent = use.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === use) return this.runsAtStartup(parent);
      if (parent?.type === AST_NODE_TYPES.CallExpression) return isLifecycleRegistration(parent, use);
      return false;
    });
  }
}

/** The call that invokes `fn` on the spot: `(async () => {…})()`, `void main()` style IIFEs. */
function immediateInvocation(fn: FunctionNode): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = fn;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node) return parent;
  // `(async function () {}).call(this)`
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const call = parent.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) return call;
  }
  return undefined;
}

/** The `.then`/`.catch`/`.finally` call that `fn` continues, when it is one of its arguments. */
function promiseContinuation(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  return name === 'then' || name === 'catch' || name === 'finally' ? call : undefined;
}

function isLifecycleCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee === fn) return false;
  return isLifecycleRegistration(call, fn);
}

/** True when passing `argument` to `call` registers it to run at start-up, shutdown or under a test runner. */
export function isLifecycleRegistration(call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
  const name = calleeName(call);
  if (name === undefined) return isTestHarnessCall(call);
  if (LIFECYCLE_CALLBACK_METHODS.has(name)) return true;
  const first = staticString(call.arguments[0]);
  if (['on', 'once', 'addListener', 'prependListener'].includes(name) && first !== undefined && LIFECYCLE_EVENTS.has(first)) return true;
  if (name === 'addHook' && first !== undefined && LIFECYCLE_HOOKS.has(first)) return true;
  // `fastify.register(async (app) => …)`: a plugin body configures the server once.
  if (name === 'register' && call.arguments[0] === argument) return true;
  return isTestHarnessCall(call);
}

/**
 * `it(…)`, `describe.each(…)(…)`, `test.concurrent(…)`: anything rooted at a test-runner global;
 * and tap / node:test subtests, `t.test(…)`, `t.beforeEach(…)`, whose function argument is the test.
 */
function isTestHarnessCall(call: TSESTree.CallExpression): boolean {
  const direct = unwrapExpression(call.callee);
  if (direct.type === AST_NODE_TYPES.MemberExpression && TEST_HARNESS_FUNCTIONS.has(memberName(direct) ?? '') && call.arguments.some(isFunctionNode)) {
    return true;
  }
  let callee: TSESTree.Node = direct;
  while (callee.type === AST_NODE_TYPES.CallExpression || callee.type === AST_NODE_TYPES.MemberExpression) {
    callee = unwrapExpression(callee.type === AST_NODE_TYPES.CallExpression ? callee.callee : callee.object);
  }
  return callee.type === AST_NODE_TYPES.Identifier && TEST_HARNESS_FUNCTIONS.has(callee.name);
}

/** NestJS `onModuleInit()` and `{ useFactory: async () => … }`. */
function isLifecycleMember(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = propertyKeyName(parent);
    return name !== undefined && LIFECYCLE_METHOD_NAMES.has(name);
  }
  if (parent.type === AST_NODE_TYPES.Property) {
    const name = propertyKeyName(parent);
    return name !== undefined && FACTORY_PROPERTY_NAMES.has(name);
  }
  return false;
}

function bindingOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return sourceCode.getDeclaredVariables(fn)[0];
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.getDeclaredVariables(parent)[0];
  }
  return undefined;
}

export function isExported(fn: FunctionNode): boolean {
  for (let node: TSESTree.Node | undefined = fn.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (node.type === AST_NODE_TYPES.Program || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const chain = memberChain(node.left);
      if (chain && (chain[0] === 'exports' || (chain[0] === 'module' && chain[1] === 'exports'))) return true;
    }
  }
  return false;
}
