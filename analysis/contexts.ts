import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';
import { calleeName, enclosingFunction, memberChain, staticString, unwrapExpression, type FunctionNode } from './ast.js';
import type { HandlerInfo } from './frameworks/types.js';
import type { HandlerIndex } from './handlers.js';
import { refersToGlobal } from './globals.js';
import { LIFECYCLE_EVENTS, type StartupIndex } from './startup.js';

/** A sync callback between a blocking call and the async function or handler it runs in. */
export interface CallbackHop {
  readonly kind: 'iteration' | 'executor' | 'timer' | 'listener' | 'promise' | 'immediate';
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
    for (let current: TSESTree.Node = node; ; ) {
      const fn = enclosingFunction(current);
      if (!fn) return undefined;
      if (this.isOffloadArgument(fn)) return undefined;
      if (fn.async) {
        if (this.startup.isStartup(fn)) return undefined;
        const handler = this.handlers.get(fn);
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
    if (name === undefined) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (ITERATION_METHODS.has(name)) return { kind: 'iteration', name, call };
      if (PROMISE_METHODS.has(name)) return { kind: 'promise', name, call };
      if (LISTENER_METHODS.has(name)) {
        const event = staticString(call.arguments[0]);
        // `process.on('exit', …)`, `server.on('close', …)`: runs at start-up or shutdown, not per request.
        if (event !== undefined && LIFECYCLE_EVENTS.has(event)) return undefined;
        return { kind: 'listener', name: event ?? name, call };
      }
      const chain = memberChain(callee);
      if (chain?.join('.') === 'process.nextTick') return { kind: 'timer', name: 'process.nextTick', call };
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && TIMER_FUNCTIONS.has(name) && refersToGlobal(this.sourceCode, callee)) {
      return { kind: 'timer', name, call };
    }
    return undefined;
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
