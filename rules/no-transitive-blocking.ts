import { BLOCKING_RULE_DEFAULTS, BLOCKING_RULE_SCHEMA, createEntryFilter, type BlockingRuleOptions } from './analysis/blocking-options.js';
import { CallGraph } from './analysis/call-graph.js';
import { createRule } from './analysis/create-rule.js';
import { describeContext, describeFix } from './analysis/messages.js';
import { userApiIds } from './analysis/report-data.js';
import { ruleView } from './analysis/rule-findings.js';

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
        // Without a blocking call anywhere in the file there is no chain to find.
        const sites = allSites.filter((site) => include(site.entry));
        if (sites.length === 0 || analysis.isWorkerFile) return;
        const graph = new CallGraph(context.sourceCode, sites);
        for (const { call, target } of graph.allCalls()) {
          const chain = graph.chainFrom(target);
          if (!chain) continue;
          const where = analysis.classifier.classify(call);
          if (!where) continue;
          const { site } = chain;
          // Name the first step as the call writes it (`this.load`, `readPublic`), which also covers factory closures.
          const callee = context.sourceCode.getText(call.callee);
          const steps = [callee.length <= 40 ? callee : (chain.functions[0] ?? 'the helper'), ...chain.functions.slice(1), site.entry.display];
          context.report({
            node: call,
            messageId: 'transitiveCall',
            data: {
              callee: steps[0]!,
              context: describeContext(where),
              chain: steps.join(' → '),
              line: String(site.node.loc.start.line),
              fix: describeFix(site.entry, site.module),
            },
          });
        }
      },
    };
  },
});
