import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '../analysis/estree.js';

import { walk } from '../analysis/ast.js';
import { BLOCKING_RULE_DEFAULTS, BLOCKING_RULE_SCHEMA, createEntryFilter, type BlockingRuleOptions } from '../analysis/blocking-options.js';
import { CallGraph } from '../analysis/call-graph.js';
import type { ExecutionContext } from '../analysis/contexts.js';
import { CrossModuleSummaries } from '../analysis/cross-module.js';
import type { FileAnalysis } from '../analysis/file-analysis.js';
import { typedParserServices } from '../analysis/typed-receivers.js';
import { workerProxyCalls } from '../analysis/worker-proxies.js';
import { createRule } from './util/create-rule.js';
import { describeContext, describeFix } from '../analysis/messages.js';
import { userApiIds } from './util/user-api-ids.js';
import { ruleView } from './util/rule-findings.js';

export type Options = [BlockingRuleOptions];
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
        const { analysis, sites: allSites } = view();
        if (analysis.isWorkerFile) return;
        // Without a blocking call anywhere in the file there is no local chain to find.
        const sites = allSites.filter((site) => include(site.entry, site.module));
        const graph = new CallGraph(context.sourceCode, sites);
        const resolved = new Set<TSESTree.Node>();
        if (sites.length > 0) {
          for (const { call, target } of graph.allCalls()) {
            resolved.add(call);
            const chain = graph.chainFrom(target);
            if (!chain) continue;
            const where = analysis.classifier.classify(call);
            if (!where) continue;
            const { site } = chain;
            report(call, where, [...chain.functions.slice(1), site.entry.display], String(site.node.loc.start.line), describeFix(site.entry, site.module));
          }
        }
        if (options.typeAware) reportAcrossModules(analysis, resolved);
      },
    };

    function report(call: TSESTree.CallExpression, where: ExecutionContext, rest: readonly string[], line: string, fix: string): void {
      // Name the first step as the call writes it (`this.load`, `readPublic`), which also covers factory closures.
      const written = context.sourceCode.getText(call.callee);
      const callee = written.length <= 40 ? written : 'the helper';
      context.report({
        node: call,
        messageId: 'transitiveCall',
        data: { callee, context: describeContext(where), chain: [callee, ...rest].join(' → '), line, fix },
      });
    }

    /** Calls into other modules of the program, followed through the type checker. */
    function reportAcrossModules(analysis: FileAnalysis, resolvedLocally: ReadonlySet<TSESTree.Node>): void {
      const services = typedParserServices(context);
      const summaries = new CrossModuleSummaries(services.program);
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
        const file = path.relative(path.dirname(fileName), chain.file) || path.basename(chain.file);
        report(node, where, [...chain.functions.slice(1), chain.entry.display], `${chain.line} of ${file}`, describeFix(chain.entry, undefined));
      }
    }
  },
});

