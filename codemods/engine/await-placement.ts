// Where an `await` may go. A rewritten call is awaited where it stands, so the
// function around it must be async: an async function already is; a sync
// handler becomes one only where its framework handles rejections; a `.map`
// callback becomes `await Promise.all(arr.map(async …))` and a `.forEach`
// statement a `for…of`. Any other sync callback is left, with the reason.

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '../../analysis/estree.js';
import { enclosingFunction, functionName, isInParameters, needsParentheses, unwrapExpression, walk, type FunctionNode } from '../../analysis/ast.js';

// Shared with the rules' suggestions; the codemods import it from here.
export { needsParentheses };
import type { CallbackHop, ExecutionContext } from '../../analysis/contexts.js';
import { FRAMEWORKS } from '../../analysis/frameworks/frameworks.js';
import type { FileStyle } from './file-style.js';
import { asyncPolicy } from './async-policy.js';
import type { NamePicker } from './names.js';
import type { Rewriter } from './rewriter.js';

export interface PlacementEnv {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly rewriter: Rewriter;
  readonly names: NamePicker;
  readonly style: FileStyle;
  readonly filePath: string;
}

export type Placement = { readonly ok: true; readonly apply: () => void } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): Placement => ({ ok: false, reason });

/**
 * The text to put around `node` to await it: `await ` alone, or `(await …)` where the expression
 * around it binds tighter, led by `;` where that `(` would start a statement after a line the
 * parser would continue (`let n = 0` then `(await …)` would call `0`).
 */
export function awaitAround(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): { readonly open: string; readonly close: string } {
  if (!needsParentheses(node)) return { open: 'await ', close: '' };
  return { open: `${startsStatementAfterOpenLine(node, sourceCode) ? ';' : ''}(await `, close: ')' };
}

/** True when `node` begins an expression statement that follows a line without a `;`. */
function startsStatementAfterOpenLine(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let statement: TSESTree.Node | undefined = node;
  while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement) {
    if (!statement.parent || statement.parent.range[0] !== node.range[0]) return false;
    statement = statement.parent;
  }
  const list = statement?.parent;
  if (!statement || !list || (list.type !== AST_NODE_TYPES.Program && list.type !== AST_NODE_TYPES.BlockStatement && list.type !== AST_NODE_TYPES.SwitchCase)) return false;
  const previous = sourceCode.getTokenBefore(statement);
  return previous !== null && ![';', '{', '}', ':'].includes(previous.value);
}

/** Plans what makes `await <node>` legal where `node` stands, in `context`. */
export function planAwait(node: TSESTree.Node, context: ExecutionContext, env: PlacementEnv): Placement {
  if (context.hops.length === 0) {
    const where = awaitBlocker(node, context.fn);
    if (where) return refuse(where);
    return ensureAsync(context, env);
  }
  if (context.hops.length > 1) {
    return refuse(`it runs inside nested sync callbacks (${context.hops.map((hop) => `\`${hop.name}\``).join(' in ')}), where \`await\` cannot go`);
  }
  const [hop] = context.hops as [CallbackHop];
  const callback = enclosingFunction(node);
  if (!callback) return refuse('it is not inside a function');
  if (hop.kind === 'iteration' && (hop.name === 'map' || hop.name === 'forEach')) {
    const shape = iterationShape(hop, callback, node, context, env);
    if (!shape.ok) return shape;
    const outer = ensureAsync(context, env);
    if (!outer.ok) return outer;
    return {
      ok: true,
      apply: () => {
        shape.apply();
        outer.apply();
      },
    };
  }
  return refuse(`it runs in the sync \`${hop.name}\` callback, where \`await\` cannot go; ${HOP_ADVICE[hop.kind]}`);
}

const HOP_ADVICE: Record<CallbackHop['kind'], string> = {
  iteration: 'rewrite the loop as `for…of`, or collect the promises and await `Promise.all`',
  executor: 'make the executor async work explicit, or replace `new Promise` with the promise API',
  timer: 'make the timer callback async and handle its errors',
  listener: 'make the listener async and handle its errors (an async listener’s rejection is unhandled)',
  promise: 'make the `then` callback async; it may return a promise',
  immediate: 'make the immediately invoked function async and await it',
  callback: 'make the callback async and handle its errors, or use the promise form of the call that takes it',
};

/** Why `await` cannot go at `node` inside `fn` even though `fn` is where it runs, or undefined. */
function awaitBlocker(node: TSESTree.Node, fn: FunctionNode): string | undefined {
  if (enclosingFunction(node) !== fn) return 'it is not directly in the function that would await it';
  if (isInParameters(fn, node)) return 'it is in a parameter default, where `await` is not allowed';
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) {
      return 'it is in a class field, where `await` is not allowed';
    }
  }
  return undefined;
}

function iterationShape(hop: CallbackHop, callback: FunctionNode, node: TSESTree.Node, context: ExecutionContext, env: PlacementEnv): Placement {
  const call = hop.call;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return refuse(`the \`${hop.name}\` call has a shape the codemod does not rewrite`);
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.optional || unwrapExpression(call.arguments[0] ?? call) !== callback) {
    return refuse(`only \`array.${hop.name}(callback)\` is rewritten, not this form`);
  }
  if (callback.async || callback.generator) return refuse(`the \`${hop.name}\` callback is a generator`);
  const blocker = awaitBlocker(call, context.fn);
  if (blocker) return refuse(`the \`${hop.name}\` call: ${blocker}`);
  if (enclosingFunction(node) !== callback || isInParameters(callback, node)) return refuse('it is in a parameter default of the callback');
  return hop.name === 'map' ? mapShape(call, callback, env) : forEachShape(call, callee, callback, env);
}

/** `arr.map(p => f(p))` → `await Promise.all(arr.map(async p => f(p)))`. Callbacks then run concurrently. */
function mapShape(call: TSESTree.CallExpression, callback: FunctionNode, env: PlacementEnv): Placement {
  if (call.arguments.length > 1) return refuse('the `map` call passes a `thisArg`');
  if (ASTUtils.findVariable(env.sourceCode.getScope(call), 'Promise')?.defs.length) return refuse('a local `Promise` shadows the global one');
  return {
    ok: true,
    apply: () =>
      env.rewriter.once(call, () => {
        const { open, close } = awaitAround(call, env.sourceCode);
        env.rewriter.before(call, `${open}Promise.all(`);
        env.rewriter.after(call, `)${close}`);
        makeFunctionAsync(callback, env);
      }),
  };
}

/** `arr.forEach(p => { … })` as a statement → `for (const p of arr) { … }`: in order, one at a time. */
function forEachShape(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, callback: FunctionNode, env: PlacementEnv): Placement {
  const statement = call.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return refuse('the `forEach` result is used as a value');
  if (call.arguments.length > 1) return refuse('the `forEach` call passes a `thisArg`');
  if (callback.params.length !== 1) return refuse('the `forEach` callback uses the index or array parameter');
  const [param] = callback.params as [TSESTree.Parameter];
  if (param.type !== AST_NODE_TYPES.Identifier && param.type !== AST_NODE_TYPES.ObjectPattern && param.type !== AST_NODE_TYPES.ArrayPattern) {
    return refuse('the `forEach` callback parameter has a default or rest element');
  }
  if (param.type !== AST_NODE_TYPES.Identifier && param.typeAnnotation) return refuse('the `forEach` callback parameter has a type annotation on a pattern');
  const returns = ownReturns(callback, env);
  if (returns.some((statement) => statement.argument !== null)) return refuse('the `forEach` callback returns a value');
  if (returns.some((early) => insideLoop(early, callback))) return refuse('the `forEach` callback returns from inside a loop, where `continue` would mean something else');
  if (callback.type === AST_NODE_TYPES.FunctionExpression && usesOwnThisOrArguments(callback, env)) return refuse('the `forEach` callback uses `this` or `arguments`');
  const mapLike = mapLikeReceiver(callee.object, env);
  if (mapLike) return refuse(`\`${mapLike}\` may be a Map, whose \`forEach\` passes values where \`for…of\` yields entries`);
  const { sourceCode } = env;
  const dot = sourceCode.getTokenBefore(callee.property);
  const arrow = callback.type === AST_NODE_TYPES.ArrowFunctionExpression ? sourceCode.getTokenBefore(callback.body, { filter: (token) => token.value === '=>', includeComments: false }) : undefined;
  const bodyStart = arrow ? sourceCode.getTokenAfter(arrow) : sourceCode.getFirstToken(callback.body);
  if (!dot || dot.range[0] < callee.object.range[1] || !bodyStart || statement.range[0] !== call.range[0]) return refuse('the `forEach` call has a shape the codemod does not rewrite');
  // A parameter the callback assigns to cannot be a `const` loop binding.
  const declared = sourceCode.getDeclaredVariables(callback);
  if (callback.type === AST_NODE_TYPES.FunctionExpression && callback.id && declared.some((variable) => variable.name === callback.id?.name && variable.references.length > 0)) {
    return refuse('the `forEach` callback refers to itself by name');
  }
  const reassigned = declared.some((variable) => variable.references.some((reference) => reference.isWrite() && !reference.init));
  return {
    ok: true,
    apply: () =>
      env.rewriter.once(call, () => {
        const { rewriter } = env;
        const binding = param.type === AST_NODE_TYPES.Identifier ? param.name : sourceCode.getText(param);
        rewriter.before(call.range[0], `for (${reassigned ? 'let' : 'const'} ${binding} of `);
        const block = callback.body.type === AST_NODE_TYPES.BlockStatement;
        rewriter.replaceRange(dot.range[0], bodyStart.range[0], block ? ') ' : ') { ');
        rewriter.replaceRange(callback.range[1], statement.range[1], block ? '' : `${env.style.semicolon || ';'} }`);
        for (const early of returns) rewriter.replace(early, `continue${env.style.semicolon}`);
      }),
  };
}

/** True when `node` sits in a loop inside `fn`: there `continue` would go to that loop. */
function insideLoop(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        break;
    }
  }
  return false;
}

/** The receiver's name when it looks like a Map: `new Map(…)`, or a name ending in `Map`/`map`. */
function mapLikeReceiver(receiver: TSESTree.Node, env: PlacementEnv): string | undefined {
  const node = unwrapExpression(receiver);
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) return env.sourceCode.getText(node);
  if (name === undefined) return undefined;
  if (/(?:^m|M)aps?$/.test(name)) return name;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = ASTUtils.findVariable(env.sourceCode.getScope(node), node)?.defs[0]?.node;
    if (init?.type === AST_NODE_TYPES.VariableDeclarator && init.init?.type === AST_NODE_TYPES.NewExpression && init.init.callee.type === AST_NODE_TYPES.Identifier && /Map$/.test(init.init.callee.name)) return name;
  }
  return undefined;
}

/** `return` statements of `fn` itself, not of functions nested in it. */
function ownReturns(fn: FunctionNode, env: PlacementEnv): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  for (const node of walk(fn.body, env.sourceCode.visitorKeys)) {
    if (node.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node) === fn) found.push(node);
  }
  return found;
}

function usesOwnThisOrArguments(fn: FunctionNode, env: PlacementEnv): boolean {
  for (const node of walk(fn.body, env.sourceCode.visitorKeys)) {
    if (node.type === AST_NODE_TYPES.ThisExpression && ownerOfThis(node) === fn) return true;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments' && ownerOfThis(node) === fn) return true;
  }
  return false;
}

function ownerOfThis(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
  }
  return undefined;
}

/** Makes the function that will hold the `await` async, if it is not yet and may become so. */
function ensureAsync(context: ExecutionContext, env: PlacementEnv): Placement {
  const fn = context.fn;
  if (fn.async) return { ok: true, apply: () => undefined };
  if (fn.generator) return refuse('the handler is a generator');
  const parent = fn.parent;
  if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) && parent.kind !== 'method' && parent.kind !== 'init') {
    return refuse(`the handler is a ${parent.kind === 'constructor' ? 'constructor' : 'getter or setter'}, which cannot be async`);
  }
  const handler = context.handler;
  if (context.kind !== 'handler' || !handler) return refuse('the function around it is not async');
  const policy = asyncPolicy(handler, env.filePath);
  if (policy.kind === 'refuse') return refuse(policy.reason);
  if (handler.framework.id === FRAMEWORKS.awsLambda.id && fn.params.length >= 3) return refuse('the Lambda handler takes a callback; an async handler must not');
  const directCaller = directSyncCall(fn, env);
  if (directCaller) return refuse(`\`${functionName(fn) ?? 'the handler'}\` is also called directly at line ${directCaller.loc.start.line}; as an async function it would hand that caller a promise`);
  if (handler.framework.id === FRAMEWORKS.fastify.id) {
    const fastify = fastifyBlocker(fn, handler, env);
    if (fastify) return refuse(fastify);
  }
  if (policy.kind === 'await') {
    return { ok: true, apply: () => env.rewriter.once(fn, () => makeFunctionAsync(fn, env)) };
  }
  // Express 4: a rejected promise is never seen; route the error to `next`.
  const nextIndex = fn.params.length >= 4 ? 3 : 2;
  const nextParam = fn.params[nextIndex];
  if (nextParam && nextParam.type !== AST_NODE_TYPES.Identifier) return refuse('the handler’s `next` parameter is not a plain name');
  if (!nextParam && fn.params.length !== 2) return refuse('the handler does not take `(req, res)`, so `next` cannot be added');
  if (fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return refuse('the handler takes a rest parameter');
  const arrow = fn.body.type === AST_NODE_TYPES.BlockStatement ? undefined : env.sourceCode.getTokenBefore(fn.body, { filter: (token) => token.value === '=>' });
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && !arrow) return refuse('the handler’s body has a shape the codemod does not rewrite');
  return {
    ok: true,
    apply: () =>
      env.rewriter.once(fn, () => {
        const { rewriter, names, style, sourceCode } = env;
        let next = nextParam?.name;
        if (next === undefined) {
          next = names.pickWithin(fn, 'next');
          // A TypeScript handler that no call types (a declaration, registered by name) needs its `next` typed.
          const typed = /\.[cm]?tsx?$/.test(env.filePath) && !(fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument));
          rewriter.after(fn.params[1]!, `, ${next}${typed ? ': (error?: unknown) => void' : ''}`);
        }
        const error = names.pickWithin(fn, 'error');
        const semi = style.semicolon;
        const body = fn.body;
        if (arrow) {
          // `(req, res) => res.send(x)` → `async (req, res, next) => { try { res.send(await x); } catch (error) { next(error); } }`
          rewriter.after(arrow.range[1], ' { try {');
          rewriter.before(fn.range[1], `${semi || ';'} } catch (${error}) { ${next}(${error})${semi} } }`);
        } else if (body.loc.start.line === body.loc.end.line) {
          rewriter.after(body.range[0] + 1, ' try {');
          rewriter.before(body.range[1] - 1, `} catch (${error}) { ${next}(${error})${semi} } `);
        } else {
          const indent = indentationOf(sourceCode.text, body.range[0]);
          const inner = `${indent}  `;
          rewriter.after(body.range[0] + 1, `${style.eol}${inner}try {`);
          rewriter.before(body.range[1] - 1, `${inner}} catch (${error}) {${style.eol}${inner}  ${next}(${error})${semi}${style.eol}${inner}}${style.eol}${indent}`);
        }
        makeFunctionAsync(fn, env);
      }),
  };
}

/**
 * Fastify sends an empty reply when an async handler resolves to undefined before `reply.send`
 * ran, and rejects async hooks that take `done`: either way the handler must stay as it is.
 */
function fastifyBlocker(fn: FunctionNode, handler: NonNullable<ExecutionContext['handler']>, env: PlacementEnv): string | undefined {
  if (handler.role === 'hook') return 'Fastify hands a sync hook `done`, which an async hook must not take; rewrite the hook by hand without `done`';
  const reply = fn.params[1];
  if (reply?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(env.sourceCode.getScope(reply), reply);
  for (const reference of variable?.references ?? []) {
    if (enclosingFunction(reference.identifier) !== fn) {
      return `it replies from a callback (\`${reply.name}\` at line ${reference.identifier.loc.start.line}); as an async handler Fastify would send an empty reply first`;
    }
  }
  return undefined;
}

/** Inserts `async` where the function's syntax takes it, and makes a declared return type a promise. */
export function makeFunctionAsync(fn: FunctionNode, env: PlacementEnv): void {
  env.rewriter.once(`async:${fn.range[0]}`, () => {
    const returnType = fn.returnType?.typeAnnotation;
    if (returnType && !/^Promise\s*</.test(env.sourceCode.getText(returnType))) {
      env.rewriter.before(returnType, 'Promise<');
      env.rewriter.after(returnType, '>');
    }
    const parent = fn.parent;
    if ((parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && parent.method)) && parent.value === fn) {
      const keyStart = parent.computed ? (env.sourceCode.getTokenBefore(parent.key)?.range[0] ?? parent.key.range[0]) : parent.key.range[0];
      env.rewriter.before(keyStart, 'async ');
      return;
    }
    env.rewriter.before(fn.range[0], 'async ');
  });
}

/** A call of the handler by name elsewhere in the file: a sync caller that must keep a sync function. */
function directSyncCall(fn: FunctionNode, env: PlacementEnv): TSESTree.CallExpression | undefined {
  const parent = fn.parent;
  // A method: `this.name(…)` anywhere in its class.
  if (parent.type === AST_NODE_TYPES.MethodDefinition && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier) {
    const name = parent.key.name;
    for (const node of walk(parent.parent, env.sourceCode.visitorKeys)) {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.object.type === AST_NODE_TYPES.ThisExpression &&
        !node.callee.computed &&
        node.callee.property.type === AST_NODE_TYPES.Identifier &&
        node.callee.property.name === name
      ) {
        return node;
      }
    }
    return undefined;
  }
  const id =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : undefined;
  if (!id) return undefined;
  const variable = ASTUtils.findVariable(env.sourceCode.getScope(id), id.name);
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) return parent;
  }
  return undefined;
}

function indentationOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}
