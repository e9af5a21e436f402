// The busy-wait codemod's plan for one file: a synchronous sleep or spin in an
// async function or handler becomes `await setTimeout(ms)` from
// `node:timers/promises`, where the wait's length is known and nothing reads
// what the sync form returned. Everything else is left, with the reason.

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '../../analysis/estree.js';
import { atomicsWaitCalls, isSpinLoop, remainingMilliseconds } from '../../analysis/busy-wait.js';
import type { ExecutionContext } from '../../analysis/contexts.js';
import { planAwait, type PlacementEnv } from '../engine/await-placement.js';
import type { DetectorView } from '../engine/detector.js';
import { detectStyle } from '../engine/file-style.js';
import { ImportPlan } from '../engine/imports.js';
import { NamePicker } from '../engine/names.js';
import { Rewriter } from '../engine/rewriter.js';
import type { PlannedFile } from '../engine/run-planner.js';
import type { SiteOutcome } from '../engine/types.js';

/** A wait the plan found: the statement to replace, and the milliseconds, or why it cannot be rewritten. */
interface Wait {
  readonly node: TSESTree.Node;
  readonly api: string;
  readonly context: ExecutionContext;
  readonly statement?: TSESTree.Statement;
  readonly milliseconds?: string;
  readonly reason?: string;
  /** References the rewrite removes (a sleep package's binding). */
  readonly removes?: readonly TSESTree.Identifier[];
}

/** How each sleep package's argument converts to milliseconds. */
const SLEEP_UNITS: Readonly<Record<string, (argument: string) => string>> = {
  'sleep.sleep': (seconds) => `${wrap(seconds)} * 1000`,
  'sleep.msleep': (ms) => ms,
  'sleep.usleep': (us) => `${wrap(us)} / 1000`,
  'atomic-sleep': (ms) => ms,
  'system-sleep': (ms) => ms,
  'deasync.sleep': (ms) => ms,
};

export function planFile(view: DetectorView): PlannedFile {
  const waits = findWaits(view);
  const fixed: SiteOutcome[] = [];
  const left: SiteOutcome[] = [];
  if (waits.length === 0) return { fixed, left };

  const { sourceCode, filePath } = view;
  const rewriter = new Rewriter(sourceCode.text);
  const names = new NamePicker(sourceCode);
  const style = detectStyle(sourceCode, filePath);
  const env: PlacementEnv = { sourceCode, rewriter, names, style, filePath };
  const imports = new ImportPlan(sourceCode, style, names, rewriter);

  for (const wait of waits.sort((a, b) => a.node.range[0] - b.node.range[0])) {
    const outcome: SiteOutcome = { line: wait.node.loc.start.line, column: wait.node.loc.start.column + 1, api: wait.api, family: 'sleep' };
    if (wait.reason !== undefined || wait.statement === undefined || wait.milliseconds === undefined) {
      left.push({ ...outcome, reason: wait.reason ?? 'the length of the wait is not known' });
      continue;
    }
    const placement = planAwait(wait.statement, wait.context, env);
    if (!placement.ok) {
      left.push({ ...outcome, reason: placement.reason });
      continue;
    }
    placement.apply();
    const sleep = imports.named('timers/promises', 'setTimeout', true);
    rewriter.replace(wait.statement, `await ${sleep}(${wait.milliseconds})${style.semicolon || ';'}`, wait.removes ?? []);
    fixed.push(outcome);
  }
  imports.finish();
  return rewriter.changed ? { ...rewriter.rewritten(), fixed, left } : { fixed, left };
}

function findWaits(view: DetectorView): Wait[] {
  const { sourceCode, analysis, loops } = view;
  if (analysis.offServingLoop) return [];
  const waits: Wait[] = [];

  for (const loop of loops) {
    if (!isSpinLoop(loop, sourceCode)) continue;
    const context = analysis.classifier.classify(loop);
    if (!context) continue;
    const milliseconds = remainingMilliseconds(loop, sourceCode);
    waits.push({
      node: loop,
      api: 'spin loop',
      context,
      statement: loop,
      // A deadline already past would give a negative delay, which newer Node versions warn about.
      ...(milliseconds === undefined ? { reason: 'the loop’s end is not `Date.now()` or `performance.now()` compared with a deadline' } : { milliseconds: `Math.max(0, ${milliseconds})` }),
    });
  }

  for (const call of atomicsWaitCalls(sourceCode)) {
    const context = analysis.classifier.classify(call);
    if (!context) continue;
    waits.push({ node: call, api: 'Atomics.wait', context, ...atomicsWait(call, sourceCode) });
  }

  for (const { site, context } of analysis.findings) {
    if (site.entry.family !== 'sleep') continue;
    const toMilliseconds = SLEEP_UNITS[site.entry.id];
    const call = site.node;
    const base = { node: call, api: site.entry.display, context };
    if (!toMilliseconds || call.type !== AST_NODE_TYPES.CallExpression || site.form !== 'call') {
      waits.push({ ...base, reason: site.entry.recipe.kind === 'manual' ? site.entry.recipe.advice : 'only a direct call with the wait’s length is rewritten' });
      continue;
    }
    const statement = call.parent.type === AST_NODE_TYPES.ExpressionStatement ? call.parent : undefined;
    const [argument] = call.arguments;
    if (!statement) waits.push({ ...base, reason: 'its result is used' });
    else if (call.arguments.length !== 1 || !argument || argument.type === AST_NODE_TYPES.SpreadElement) waits.push({ ...base, reason: 'it does not take exactly one argument' });
    else waits.push({ ...base, statement, milliseconds: toMilliseconds(sourceCode.getText(argument)), removes: identifiersOf(call.callee) });
  }
  return waits;
}

/**
 * `Atomics.wait(buffer, i, value, ms)` used as a sleep: a statement, on a fresh buffer nobody can
 * notify, with a finite timeout. On a buffer shared with another thread it is a real wait for a
 * signal and is left.
 */
function atomicsWait(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): Partial<Wait> {
  const statement = call.parent.type === AST_NODE_TYPES.ExpressionStatement ? call.parent : undefined;
  if (!statement) return { reason: 'its result (`ok`, `not-equal` or `timed-out`) is used' };
  const [buffer, , , timeout] = call.arguments;
  if (!timeout || timeout.type === AST_NODE_TYPES.SpreadElement) return { reason: 'it has no timeout: it waits for another thread’s `Atomics.notify`' };
  const milliseconds = sourceCode.getText(timeout);
  if (milliseconds === 'Infinity') return { reason: 'its timeout is Infinity: it waits for another thread’s `Atomics.notify`' };
  if (!buffer || !isPrivateBuffer(buffer, sourceCode)) return { reason: 'the buffer may be shared with another thread that notifies it' };
  return { statement, milliseconds };
}

/**
 * `new Int32Array(new SharedArrayBuffer(n))` written in place, or a const initialised so that is
 * used only as the buffer of `Atomics.wait` calls: no other thread can ever see or notify it.
 */
function isPrivateBuffer(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const isFresh = (expression: TSESTree.Node | null | undefined): boolean =>
    expression?.type === AST_NODE_TYPES.NewExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    /^(Big)?Int(32|64)Array$/.test(expression.callee.name) &&
    expression.arguments[0]?.type === AST_NODE_TYPES.NewExpression &&
    expression.arguments[0].callee.type === AST_NODE_TYPES.Identifier &&
    expression.arguments[0].callee.name === 'SharedArrayBuffer';
  if (isFresh(node)) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id !== definition.name) return false;
  if (definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration || definition.parent.kind !== 'const' || !isFresh(definition.node.init)) return false;
  return variable!.references.every((reference) => reference.init === true || isAtomicsWaitBuffer(reference.identifier));
}

function isAtomicsWaitBuffer(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const call = identifier.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== identifier) return false;
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Atomics' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'wait'
  );
}

function identifiersOf(node: TSESTree.Node): TSESTree.Identifier[] {
  const unwrapped = node.type === AST_NODE_TYPES.MemberExpression ? node.object : node;
  return unwrapped.type === AST_NODE_TYPES.Identifier ? [unwrapped] : [];
}

/** Parentheses for a unit conversion when the argument is not a plain name or number. */
function wrap(expression: string): string {
  return /^[\w$.]+$/.test(expression) ? expression : `(${expression})`;
}
