import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';
import { memberChain, memberName, unwrapExpression, walk } from './ast.js';
import { globalReferences, refersToGlobal } from './globals.js';

export type LoopNode = TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

/** Clock reads a spin loop polls: `Date.now()`, `performance.now()`, `process.hrtime()`, `new Date()`. */
function isClockRead(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrapExpression(inner.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Date' && refersToGlobal(sourceCode, callee);
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(inner.callee);
  // `new Date().getTime()`, `new Date().valueOf()`
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['getTime', 'valueOf'].includes(memberName(callee) ?? '')) {
    return isClockRead(callee.object, sourceCode);
  }
  const chain = memberChain(callee);
  if (!chain) return false;
  const name = chain.join('.');
  if (name !== 'Date.now' && name !== 'performance.now' && name !== 'process.hrtime' && name !== 'process.hrtime.bigint') return false;
  let root = callee;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  // `performance` may also be imported from perf_hooks; a local object named `Date` is not the clock.
  return root.type === AST_NODE_TYPES.Identifier && (refersToGlobal(sourceCode, root) || root.name === 'performance');
}

function readsClock(node: TSESTree.Node | null, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (!node) return false;
  for (const child of walk(node, sourceCode.visitorKeys)) if (isClockRead(child, sourceCode)) return true;
  return false;
}

/**
 * True when evaluating `node` calls nothing but the clock. A loop whose condition or update calls
 * something else (`queue.poll()`) is polling, which does work, not spinning.
 */
function callsOnlyTheClock(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  for (const child of walk(node, sourceCode.visitorKeys)) {
    switch (child.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        // `new Date()` inside `new Date().getTime()` is a clock read of its own, so both pass.
        if (!isClockRead(child, sourceCode)) return false;
        break;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return false;
      default:
        break;
    }
  }
  return true;
}

/** A statement that does no real work while a loop waits: `;`, `i++`, `now = Date.now()`, `continue`. */
function isTrivialStatement(statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((inner) => isTrivialStatement(inner, sourceCode));
    case AST_NODE_TYPES.ExpressionStatement: {
      const expression = statement.expression;
      if (expression.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
        const right = unwrapExpression(expression.right);
        // `spins = spins + 1` is bookkeeping; `total = total + step()` is work the loop exists for.
        return callsOnlyTheClock(right, sourceCode) && (right.type === AST_NODE_TYPES.Literal || right.type === AST_NODE_TYPES.Identifier || readsClock(right, sourceCode) || right.type === AST_NODE_TYPES.BinaryExpression);
      }
      return isClockRead(expression, sourceCode);
    }
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every((declarator) => !declarator.init || readsClock(declarator.init, sourceCode));
    default:
      return false;
  }
}

/** `if (<reads the clock>) break;` — the exit of a `for (;;)` / `while (true)` spin. */
function isClockBreak(statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !readsClock(statement.test, sourceCode)) return false;
  const consequent = statement.consequent;
  const only = consequent.type === AST_NODE_TYPES.BlockStatement && consequent.body.length === 1 ? consequent.body[0] : consequent;
  return only?.type === AST_NODE_TYPES.BreakStatement || only?.type === AST_NODE_TYPES.ReturnStatement;
}

function isAlwaysTrue(test: TSESTree.Expression | null): boolean {
  if (!test) return true;
  return test.type === AST_NODE_TYPES.Literal && test.value === true;
}

/**
 * True for a loop that only waits for time to pass: its condition reads a clock and its body does
 * nothing of substance, or it loops forever until an `if (<clock>) break`.
 */
export function isSpinLoop(loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const body = loop.body;
  const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  // `for (; Date.now() < end; queue.poll()) {}` polls in its update clause.
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update && !callsOnlyTheClock(loop.update, sourceCode)) return false;
  if (loop.test && readsClock(loop.test, sourceCode)) {
    if (!callsOnlyTheClock(loop.test, sourceCode)) return false;
    return statements.every((statement) => isTrivialStatement(statement, sourceCode));
  }
  if (!isAlwaysTrue(loop.test) || loop.type === AST_NODE_TYPES.DoWhileStatement) return false;
  const breaks = statements.filter((statement) => isClockBreak(statement, sourceCode));
  return breaks.length === 1 && statements.every((statement) => breaks.includes(statement) || isTrivialStatement(statement, sourceCode));
}

/** `Atomics.wait(...)` calls on the global `Atomics` (not `waitAsync`, which does not block). */
export function atomicsWaitCalls(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  if (!sourceCode.text.includes('Atomics')) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const identifier of globalReferences(sourceCode, 'Atomics')) {
    const member = identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || memberName(member) !== 'wait') continue;
    const call = member.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee === member) calls.push(call);
  }
  return calls;
}

/**
 * For `while (Date.now() < end) {}` and `while (Date.now() - start < ms) {}`: the expression for the
 * milliseconds left, so the loop can become a timer. Undefined for other shapes.
 */
export function remainingMilliseconds(loop: LoopNode, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  if (loop.type !== AST_NODE_TYPES.WhileStatement || loop.test.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const { left, right, operator } = loop.test;
  if (operator !== '<' && operator !== '<=') return undefined;
  const clock = (node: TSESTree.Node): string | undefined => {
    const chain = node.type === AST_NODE_TYPES.CallExpression ? memberChain(node.callee)?.join('.') : undefined;
    return chain === 'Date.now' || chain === 'performance.now' ? sourceCode.getText(node) : undefined;
  };
  // The operands are pasted into a new `+`/`-` expression, so any that is not a primary keeps
  // its meaning only inside parentheses: `a ?? 100` must become `(a ?? 100) - Date.now()`.
  const operand = (node: TSESTree.Node): string => (isPrimary(node) ? sourceCode.getText(node) : `(${sourceCode.getText(node)})`);
  const now = clock(left);
  if (now) return `${operand(right)} - ${now}`;
  if (left.type === AST_NODE_TYPES.BinaryExpression && left.operator === '-' && clock(left.left)) {
    return `${operand(left.right)} + ${operand(right)} - ${clock(left.left)}`;
  }
  return undefined;
}

/** Expressions that bind tighter than any binary operator, so they need no parentheses as operands. */
function isPrimary(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    default:
      return false;
  }
}
