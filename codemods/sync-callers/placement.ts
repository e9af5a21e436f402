// Where an `await` can go at a call of a helper that becomes async. In async
// code or a handler, the engine's own placement decides (it may make a sync
// handler async, or turn a `.map` callback into `Promise.all`). Elsewhere the
// function around the call must become async too: the placement is planned
// as if it already were, and that function joins the ones to convert.

import { AST_NODE_TYPES, type TSESTree } from '../../analysis/estree.js';
import { enclosingFunction, isInParameters, type FunctionNode } from '../../analysis/ast.js';
import { planAwait, type PlacementEnv } from '../engine/await-placement.js';
import { conversionBlocker, type FunctionInfo, type Functions } from './functions.js';
import type { ProgramFile } from './program.js';

export type CallPlacement =
  | {
      readonly ok: true;
      /** The function that must become async for the `await`, when it is not async code already. */
      readonly caller?: FunctionInfo;
      readonly apply: () => void;
    }
  | { readonly ok: false; readonly reason: string; readonly sync?: boolean };

const noop = (): void => undefined;

export function placeCall(file: ProgramFile, call: TSESTree.CallExpression, env: PlacementEnv, functions: Functions): CallPlacement {
  const classifier = file.view.analysis.classifier;
  const context = classifier.classify(call);
  if (context) {
    const placement = planAwait(call, context, env);
    return placement.ok ? { ok: true, apply: placement.apply } : { ok: false, reason: placement.reason };
  }
  const inner = enclosingFunction(call);
  if (!inner) return { ok: false, reason: 'it is module code, which runs synchronously as the module loads', sync: true };
  // Async code the rules do not count (start-up code): `await` goes straight in.
  if (inner.async) {
    const blocker = directBlocker(call, inner);
    return blocker ? { ok: false, reason: blocker } : { ok: true, apply: noop };
  }
  const outer = callerFunction(call);
  if (!outer) return { ok: false, reason: 'it is in a callback of module code, which runs synchronously', sync: true };
  const caller = functions.infoOfEstree(file, outer);
  if (!caller) return { ok: false, reason: 'the function around it is one the codemod does not make async (a method, a getter, an anonymous function)', sync: true };
  const why = conversionBlocker(caller);
  if (why) return { ok: false, reason: `it is in \`${caller.name}\`, which cannot become async: ${why}`, sync: true };
  if (caller.isAsync) return { ok: false, reason: 'it runs in a sync callback, where `await` cannot go' };
  // Plan as if the caller were async already: the classifier then finds the callbacks between.
  const mutable = outer as { async: boolean };
  mutable.async = true;
  try {
    const asIf = classifier.classify(call);
    if (!asIf || asIf.fn !== outer) return { ok: false, reason: `it runs in a sync callback in \`${caller.name}\`, where \`await\` cannot go` };
    const placement = planAwait(call, asIf, env);
    return placement.ok ? { ok: true, caller, apply: placement.apply } : { ok: false, reason: placement.reason };
  } finally {
    mutable.async = false;
  }
}

/** The nearest enclosing function that is not a callback handed to a call (or called on the spot). */
function callerFunction(node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && isCallback(fn)) fn = enclosingFunction(fn);
  return fn;
}

function isCallback(fn: FunctionNode): boolean {
  let node: TSESTree.Node = fn;
  while (node.parent?.type === AST_NODE_TYPES.TSAsExpression || node.parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = node.parent;
  const parent = node.parent;
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && (parent.callee === node || parent.arguments.includes(node as TSESTree.CallExpressionArgument));
}

function directBlocker(call: TSESTree.Node, fn: FunctionNode): string | undefined {
  if (isInParameters(fn, call)) return 'it is in a parameter default, where `await` is not allowed';
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return 'it is in a class field, where `await` is not allowed';
  }
  return undefined;
}
