import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '../analysis/estree.js';

import { walk } from '../analysis/ast.js';
import { BLOCKING_RULE_DEFAULTS, BLOCKING_RULE_SCHEMA, createEntryFilter, type BlockingRuleOptions } from '../analysis/blocking-options.js';
import { CallGraph } from '../analysis/call-graph.js';
import type { ExecutionContext } from '../analysis/contexts.js';
import { CrossModuleSummaries } from '../analysis/cross-module.js';
import { typedMethodMatcher } from '../analysis/typed-receivers.js';
import type { FileAnalysis } from '../analysis/file-analysis.js';
import type { PendingCall } from '../analysis/module-graph/shapes.js';
import type { BlockingSite } from '../analysis/tracker.js';
import { typedParserServices } from '../analysis/typed-receivers.js';
import { workerProxyCalls } from '../analysis/worker-proxies.js';
import { createRule } from './util/create-rule.js';
import { describeContext, describeFix } from '../analysis/messages.js';
import { userApiIds } from './util/user-api-ids.js';
import { ruleView } from './util/rule-findings.js';

export type Options = [BlockingRuleOptions];

/** A file as messages name it: relative to the directory of the file being linted, with `/`. */
function relativeTo(fromFile: string, file: string): string {
  return (path.relative(path.dirname(fromFile), file) || path.basename(file)).split(path.sep).join('/');
}
export type MessageId = 'transitiveCall';

export const RULE_NAME = 'no-transitive-blocking';

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow calls from async functions and request handlers to helpers that block the event loop',
      recommended: true,
    },
    messages: {
      transitiveCall: '`{{callee}}` blocks the event loop in {{context}}: {{chain}} (line {{line}}); {{fix}}',
    },
    schema: [BLOCKING_RULE_SCHEMA],
    defaultOptions: [BLOCKING_RULE_DEFAULTS],
  },
  create(context, [options]) {
    const view = ruleView(context, RULE_NAME, options.typeAware);
    const include = createEntryFilter(RULE_NAME, options, userApiIds(context));
    return {
      'Program:exit'() {
        const seen = view();
        if (!seen || seen.analysis.offServingLoop) return;
        const { analysis, sites: allSites } = seen;
        const sites = allSites.filter((site) => include(site.entry, site.module));
        const pending = analysis.pendingCalls;
        const remoteSite = (call: PendingCall): BlockingSite | undefined => {
          const site = analysis.remoteSite(call);
          return site && include(site.entry, site.module) ? site : undefined;
        };
        const resolved = new Set<TSESTree.Node>();
        // Without a blocking call anywhere in the file, nor a call into another module, there is no chain to find.
        if (sites.length > 0 || pending.length > 0) {
          const graph = new CallGraph(context.sourceCode, sites, { calls: pending, resolve: remoteSite });
          for (const { call, target } of graph.allCalls()) {
            resolved.add(call);
            // Where the call runs first: the chain behind it may mean reading other modules.
            const where = analysis.classifier.classify(call);
            if (!where) continue;
            const chain = graph.chainFrom(target);
            if (!chain) continue;
            const { site } = chain;
            // Over in the other module, the first function is the export, named here as the helper's call writes it.
            const remote = site.remote ? [calleeText(site.node), ...site.remote.functions.slice(1)] : [];
            const rest = [...chain.functions.slice(1), ...remote];
            report(call, where, [...rest, site.entry.display], chainEnd(site), describeFix(site.entry, site.module));
          }
          // A helper of another module called right here, in an async function or a handler.
          for (const call of pending) {
            if (call.node.type !== AST_NODE_TYPES.CallExpression) continue;
            const where = analysis.classifier.classify(call.node);
            if (!where) continue;
            const site = remoteSite(call);
            if (!site) continue;
            resolved.add(call.node);
            report(call.node, where, [...site.remote!.functions.slice(1), site.entry.display], chainEnd(site), describeFix(site.entry, site.module));
          }
        }
        if (options.typeAware) reportAcrossModules(analysis, resolved);
      },
    };

    /** A call's callee as the code writes it (`this.load`, `config.load`), which also covers factory closures. */
    function calleeText(call: TSESTree.Node): string {
      const written = call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression ? context.sourceCode.getText(call.callee) : 'the helper';
      return written.length <= 40 ? written : 'the helper';
    }

    /** `12`, or `12 of lib/config.js` for a blocking call in another module. */
    function chainEnd(site: BlockingSite): string {
      if (!site.remote) return String(site.node.loc.start.line);
      return `${site.remote.line} of ${relativeTo(path.resolve(context.cwd, context.filename), site.remote.file)}`;
    }

    function report(call: TSESTree.CallExpression, where: ExecutionContext, rest: readonly string[], line: string, fix: string): void {
      const callee = calleeText(call);
      context.report({
        node: call,
        messageId: 'transitiveCall',
        data: { callee, context: describeContext(where), chain: [callee, ...rest].join(' → '), line, fix },
      });
    }

    /** Calls into other modules of the program, followed through the type checker. */
    function reportAcrossModules(analysis: FileAnalysis, resolvedLocally: ReadonlySet<TSESTree.Node>): void {
      const services = typedParserServices(context);
      const summaries = new CrossModuleSummaries(services.program, typedMethodMatcher(analysis.settings.typeApis));
      const fileName = services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast).fileName;
      // A call through a workerModule proxy resolves to the helper, but runs it in a worker.
      const inWorkers = workerProxyCalls(context.sourceCode);
      for (const node of walk(context.sourceCode.ast, context.sourceCode.visitorKeys)) {
        if (node.type !== AST_NODE_TYPES.CallExpression || resolvedLocally.has(node) || inWorkers.has(node)) continue;
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        const where = analysis.classifier.classify(node);
        if (!where) continue;
        const chain = summaries.chainForCallee(services.esTreeNodeToTSNodeMap.get(callee), fileName);
        if (!chain || !include(chain.entry)) continue;
        report(node, where, [...chain.functions.slice(1), chain.entry.display], `${chain.line} of ${relativeTo(fileName, chain.file)}`, describeFix(chain.entry, undefined));
      }
    }
  },
});

