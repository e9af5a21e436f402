import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';
import { calleeName, enclosingFunction, functionName, isFunctionNode, memberChain, staticString, unwrapExpression, type FunctionNode } from './ast.js';
import type { HandlerInfo } from './frameworks/types.js';
import type { HandlerIndex } from './handlers.js';
import { refersToGlobal } from './globals.js';
import { isCacheGuarded } from './call-graph.js';
import { isExported, isLifecycleRegistration, LIFECYCLE_EVENTS, type StartupIndex } from './startup.js';

/** A sync callback between a blocking call and the async function or handler it runs in. */
export interface CallbackHop {
  /**
   * `callback`: any other function handed to a call made while serving (a Node-style callback, a
   * socket acknowledgement, a driver's row callback): whenever it runs, it runs on the loop.
   */
  readonly kind: 'iteration' | 'executor' | 'timer' | 'listener' | 'promise' | 'immediate' | 'callback';
  /** `map`, `setTimeout`, `data`… for messages. */
  readonly name: string;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** Where a blocking call runs on the event loop. */
export interface ExecutionContext {
  readonly kind: 'async' | 'handler';
  /** The async function, or the sync handler. */
  readonly fn: FunctionNode;
  readonly handler?: HandlerInfo;
  /** Sync callbacks crossed on the way from the call to `fn`, innermost first. */
  readonly hops: readonly CallbackHop[];
}

/** Callbacks that array methods and iteration helpers (lodash's too) call before returning. */
const ITERATION_METHODS = new Set([
  'map',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'sort',
  'toSorted',
  'from',
  'each',
  'times',
  'mapValues',
  'forIn',
  'forOwn',
  'groupBy',
  'sortBy',
  'keyBy',
  'partition',
  'countBy',
  'sumBy',
  'minBy',
  'maxBy',
  'uniqBy',
  'replace',
  'replaceAll',
]);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const TIMER_FUNCTIONS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** Objects whose `close`, `listening` and `ready` events mean the service starts or stops. */
const SERVER_NAMES = /^(?:server|app|application|httpServer|httpsServer|fastify|wss?|io)$/i;

/**
 * `process.on('exit', …)` and the signals run at shutdown, whoever registers them; so do a
 * server's `close` and `listening`. A child process's `exit` or a socket's `close`, registered
 * while serving, runs while serving.
 */
function runsAtStartOrShutdown(event: string, callee: TSESTree.MemberExpression): boolean {
  if (!LIFECYCLE_EVENTS.has(event)) return false;
  const chain = memberChain(callee.object);
  if (chain?.[0] === 'process') return true;
  if (event === 'exit') return false;
  const receiver = chain?.at(-1);
  return receiver !== undefined && SERVER_NAMES.test(receiver) ? true : !['close', 'listening', 'ready'].includes(event);
}

/**
 * Names that say a function prepares the service rather than serves it. Matched as whole words
 * at the start of a camelCase or snake_case name, so `initDatabase` and `run_migrations` match,
 * and `initials` or `started` do not.
 */
const STARTUP_NAME =
  /^(?:(?:init|initialize|initialise|setup|bootstrap|boot|migrate|migrations?|runMigrations?|seed|configure|install(?:Plugins?)?|load(?:Plugins?|Extensions?|Config|Configuration|Settings|Env|Secrets|Certificates?|Certs?)|import(?:SQL|Sql)File|create(?:App|Application|Server))(?:[A-Z_$]|$)|(?:start|restart)(?:Server|App|Application|Http|Https)?$|main$)/;

function isStartupName(name: string | undefined): boolean {
  if (name === undefined) return false;
  // `preSetupTasks`, `postInit`: the same work, before or after.
  const last = name.split('.').at(-1)!.replace(/^(?:pre|post)([A-Z])/, (_, first: string) => first.toLowerCase());
  return STARTUP_NAME.test(last) || SERVER_CREATING_NAME.test(last);
}

/** Hooks and helpers that create the server (`expressCreateServer`, `createHttpServer`). */
const SERVER_CREATING_NAME = /create(?:Https?|Express)?Server/i;

/** The calls of a named function in its own file: `name()` through its declaration or const. */
function callsOf(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  if (!declaration) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declaration)) {
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) calls.push(parent);
    }
  }
  return calls;
}

/** Calls that create a server: what is read into their options is read once, at start-up. */
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer', 'fastify', 'Fastify', 'listen']);

/** A function that itself makes a server listen is the one that starts the service (`run`, `main`). */
function startsServer(fn: FunctionNode, text: string): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  // Most functions never write `listen`: that is known from the text, without a walk of the body.
  const listen = text.indexOf('listen', fn.body.range[0]);
  if (listen === -1 || listen >= fn.body.range[1]) return false;
  const stack: TSESTree.Node[] = [...fn.body.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionNode(node)) continue;
    if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node) === 'listen' && unwrapExpression(node.callee).type === AST_NODE_TYPES.MemberExpression) return true;
    for (const value of Object.values(node)) {
      if (value === node.parent) continue;
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (child !== null && typeof child === 'object' && 'type' in child && child !== node.parent) stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

function inServerOptions(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (isFunctionNode(parent)) return false;
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      const name = calleeName(parent);
      if (name !== undefined && SERVER_FACTORIES.has(name)) return true;
    }
  }
  return false;
}

/** Built-in offload helpers; `settings.unblock.offloadWrappers` adds to them. */
export const BUILTIN_OFFLOAD_WRAPPERS: readonly string[] = ['offload', 'runInExecutor', 'submit'];

/**
 * Classifies where a node runs: in an async function, in a sync request handler, or neither
 * (module top level, start-up code, a helper whose callers are the transitive rule's business,
 * or a function handed to an offload wrapper).
 */
export class ContextClassifier {
  private readonly wrappers: ReadonlyArray<readonly string[]>;
  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly handlers: HandlerIndex;
  private readonly startup: StartupIndex;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, handlers: HandlerIndex, startup: StartupIndex, offloadWrappers: readonly string[]) {
    this.sourceCode = sourceCode;
    this.handlers = handlers;
    this.startup = startup;
    this.wrappers = [...BUILTIN_OFFLOAD_WRAPPERS, ...offloadWrappers].map((wrapper) => wrapper.split('.'));
  }

  classify(node: TSESTree.Node): ExecutionContext | undefined {
    const hops: CallbackHop[] = [];
    // `offload(fs.readFileSync, …)` hands the function to a worker.
    if (node.parent && this.isOffloadArgument(node)) return undefined;
    // `https.createServer({ key: readFileSync(…) })`: reading what a server starts with.
    if (inServerOptions(node)) return undefined;
    for (let current: TSESTree.Node = node; ; ) {
      const fn = enclosingFunction(current);
      if (!fn) return undefined;
      if (this.isOffloadArgument(fn)) return undefined;
      if (fn.async) {
        if (this.startup.isStartup(fn)) return undefined;
        const handler = this.handlers.get(fn);
        // An async function named for start-up work (`initDatabase`, `loadPlugins`, `migrate`) that
        // no framework calls per request: its callers, often in another module, run it at boot.
        if (!handler && hops.length === 0 && (this.isNamedStartup(fn) || this.startsOrRunsOnce(fn))) return undefined;
        return { kind: 'async', fn, hops, ...(handler ? { handler } : {}) };
      }
      // A sync generator's body runs whenever it is iterated: that is a caller's question.
      if (fn.generator) return undefined;
      const handler = this.handlers.get(fn);
      if (handler) return { kind: 'handler', fn, handler, hops };
      const hop = this.callbackHop(fn);
      if (!hop) return undefined;
      hops.push(hop);
      current = hop.call;
    }
  }

  /**
   * Named for start-up work, and not called from code in this file that serves: a `migrateCache()`
   * that a request handler calls runs per request, whatever its name says.
   */
  private isNamedStartup(fn: FunctionNode): boolean {
    if (!isStartupName(functionName(fn))) return false;
    const known = this.namedStartup.get(fn);
    if (known !== undefined) return known;
    // Assume so while deciding, so that recursion ends.
    this.namedStartup.set(fn, true);
    const servingCaller = callsOf(fn, this.sourceCode).some((call) => this.classify(call) !== undefined);
    this.namedStartup.set(fn, !servingCaller);
    return !servingCaller;
  }

  private readonly namedStartup = new Map<FunctionNode, boolean>();

  /**
   * Starts the server, or runs once: asked for every blocking call in the function, and each
   * answer walks its body or finds its calls, so each is worked out once per function.
   */
  private startsOrRunsOnce(fn: FunctionNode): boolean {
    let known = this.bootOnly.get(fn);
    if (known === undefined) {
      known = startsServer(fn, this.sourceCode.text) || this.calledOnlyOnce(fn);
      this.bootOnly.set(fn, known);
    }
    return known;
  }

  private readonly bootOnly = new Map<FunctionNode, boolean>();

  /**
   * Not exported, and every call of it in the file sits behind a cache guard
   * (`if (this.#instance) return this.#instance;`): it runs once per guarded value, not per request.
   */
  private calledOnlyOnce(fn: FunctionNode): boolean {
    if (isExported(fn)) return false;
    const calls = callsOf(fn, this.sourceCode);
    return calls.length > 0 && calls.every((call) => isCacheGuarded(call, this.sourceCode));
  }

  /** The call that runs `fn` synchronously, or registers it to run on the loop, where it was written. */
  private callbackHop(fn: FunctionNode): CallbackHop | undefined {
    let node: TSESTree.Node = fn;
    while (node.parent?.type === AST_NODE_TYPES.TSAsExpression || node.parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
    const call = node.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === node) return { kind: 'immediate', name: 'immediately invoked function', call };
    if (call?.type === AST_NODE_TYPES.NewExpression && call.arguments[0] === node) {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise') return { kind: 'executor', name: 'Promise executor', call };
      return undefined;
    }
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return undefined;
    const name = calleeName(call);
    const callee = unwrapExpression(call.callee);
    if (name !== undefined && callee.type === AST_NODE_TYPES.MemberExpression) {
      if (ITERATION_METHODS.has(name)) return { kind: 'iteration', name, call };
      if (PROMISE_METHODS.has(name)) return { kind: 'promise', name, call };
      if (LISTENER_METHODS.has(name)) {
        const event = staticString(call.arguments[0]);
        if (event !== undefined && runsAtStartOrShutdown(event, callee)) return undefined;
        return { kind: 'listener', name: event ?? name, call };
      }
      if (memberChain(callee)?.join('.') === 'process.nextTick') return { kind: 'timer', name: 'process.nextTick', call };
    }
    if (name !== undefined && callee.type === AST_NODE_TYPES.Identifier && TIMER_FUNCTIONS.has(name) && refersToGlobal(this.sourceCode, callee)) {
      return { kind: 'timer', name, call };
    }
    // A start-up registration (`server.listen(port, cb)`) or a test runs its callback apart from serving.
    if (isLifecycleRegistration(call, node)) return undefined;
    // Any other callback: `fs.readFile(p, (err, data) => …)`, `socket.emit('x', data, ack)`.
    return { kind: 'callback', name: name ?? 'a function call', call };
  }

  /** True when `node` is an argument of a call to an offload wrapper (`offload(fn)`, `pool.submit(fn)`). */
  private isOffloadArgument(node: TSESTree.Node): boolean {
    let argument: TSESTree.Node = node;
    while (argument.parent?.type === AST_NODE_TYPES.TSAsExpression || argument.parent?.type === AST_NODE_TYPES.TSNonNullExpression) argument = argument.parent;
    const call = argument.parent;
    if ((call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) || call.callee === argument) return false;
    const chain = memberChain(call.callee);
    if (!chain) return false;
    return this.wrappers.some((wrapper) => wrapper.length <= chain.length && wrapper.every((part, index) => chain[chain.length - wrapper.length + index] === part));
  }
}
