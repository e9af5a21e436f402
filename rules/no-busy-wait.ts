import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '../analysis/estree.js';
import { enclosingFunction, isInParameters } from '../analysis/ast.js';
import { atomicsWaitCalls, isSpinLoop, remainingMilliseconds, type LoopNode } from '../analysis/busy-wait.js';
import type { ExecutionContext } from '../analysis/contexts.js';
import { createRule } from './util/create-rule.js';
import { analyzeFile, mayReport } from '../analysis/file-analysis.js';
import { describeContext, describeFix } from '../analysis/messages.js';

export type Options = [];
export type MessageId = 'atomicsWait' | 'sleepCall' | 'spinLoop' | 'suggestTimer';

export const RULE_NAME = 'no-busy-wait';

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous sleeps and spin-waits (`Atomics.wait`, `while (Date.now() < t) {}`) in async functions and request handlers',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      spinLoop: 'This loop spins on the clock and blocks the event loop in {{context}}; use `await setTimeout(ms)` from `node:timers/promises`',
      atomicsWait: '`Atomics.wait` sleeps on the main thread and blocks the event loop in {{context}}; use `await setTimeout(ms)` from `node:timers/promises`',
      sleepCall: '`{{api}}` sleeps synchronously and blocks the event loop in {{context}}; {{fix}}',
      suggestTimer: 'Replace with `await new Promise((resolve) => setTimeout(resolve, {{ms}}))`',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const loops: LoopNode[] = [];
    const collect = (loop: LoopNode): void => {
      loops.push(loop);
    };

    /** A suggestion that swaps `statement` for a timer wait, when the wait happens directly in an async function. */
    const timerSuggestion = (statement: TSESTree.Node, ms: string | undefined, where: ExecutionContext) => {
      if (ms === undefined || where.kind !== 'async' || where.hops.length > 0) return [];
      if (enclosingFunction(statement) !== where.fn || isInParameters(where.fn, statement)) return [];
      const scope = sourceCode.getScope(statement);
      // A local `setTimeout` or `Promise` would change what the replacement means.
      if (ASTUtils.findVariable(scope, 'setTimeout')?.defs.length || ASTUtils.findVariable(scope, 'Promise')?.defs.length) return [];
      return [
        {
          messageId: 'suggestTimer' as const,
          data: { ms },
          fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(statement, `await new Promise((resolve) => setTimeout(resolve, ${ms}));`),
        },
      ];
    };

    return {
      WhileStatement: collect,
      DoWhileStatement: collect,
      ForStatement: collect,
      'Program:exit'() {
        // Only spin loops, `Atomics.wait` and the catalog's sleep calls are reported: a file with
        // none of them needs no analysis (most files that read `Date` only stamp a time).
        const spinning = loops.filter((loop) => isSpinLoop(loop, sourceCode));
        const waits = atomicsWaitCalls(sourceCode);
        if (spinning.length === 0 && waits.length === 0 && !mayReport(context)) return;
        const analysis = analyzeFile(context);
        if (analysis.offServingLoop) return;

        for (const loop of spinning) {
          const where = analysis.classifier.classify(loop);
          if (!where) continue;
          context.report({
            node: loop,
            messageId: 'spinLoop',
            data: { context: describeContext(where) },
            suggest: timerSuggestion(loop, remainingMilliseconds(loop, sourceCode), where),
          });
        }

        for (const call of waits) {
          const where = analysis.classifier.classify(call);
          if (!where) continue;
          const statement = call.parent.type === AST_NODE_TYPES.ExpressionStatement ? call.parent : undefined;
          const timeout = call.arguments[3];
          const ms = timeout && timeout.type !== AST_NODE_TYPES.SpreadElement ? sourceCode.getText(timeout) : undefined;
          context.report({
            node: call,
            messageId: 'atomicsWait',
            data: { context: describeContext(where) },
            suggest: statement && ms !== 'Infinity' ? timerSuggestion(statement, ms, where) : [],
          });
        }

        for (const { site, context: where } of analysis.findings) {
          if (site.entry.family !== 'sleep') continue;
          context.report({
            node: site.node,
            messageId: 'sleepCall',
            data: { api: site.entry.display, context: describeContext(where), fix: describeFix(site.entry, site.module) },
          });
        }
      },
    };
  },
});
