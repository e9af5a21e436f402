import { BLOCKING_RULE_DEFAULTS, BLOCKING_RULE_SCHEMA, createEntryFilter, type BlockingRuleOptions } from '../analysis/blocking-options.js';
import { createRule } from './util/create-rule.js';
import { describeContext, describeFix } from '../analysis/messages.js';
import { userApiIds } from './util/user-api-ids.js';
import { ruleView } from './util/rule-findings.js';
import { awaitSuggestion } from './util/suggestions.js';

export type Options = [BlockingRuleOptions];
export type MessageId = 'blockingCall' | 'blockingCallback' | 'suggestAwait';

export const RULE_NAME = 'no-blocking-in-async';

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow known blocking calls inside async functions, where they stall every request in flight',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      blockingCall: '`{{api}}` blocks the event loop in {{context}}; {{fix}}',
      blockingCallback: '`{{api}}` is passed as a callback and blocks the event loop in {{context}}; {{fix}}',
      suggestAwait: 'Replace with `await {{replacement}}(…)`',
    },
    schema: [BLOCKING_RULE_SCHEMA],
    defaultOptions: [BLOCKING_RULE_DEFAULTS],
  },
  create(context, [options]) {
    const view = ruleView(context, RULE_NAME, options.typeAware);
    const include = createEntryFilter(RULE_NAME, options, userApiIds(context));
    return {
      'Program:exit'() {
        for (const finding of view()?.findings ?? []) {
          const { site, context: where } = finding;
          if (where.kind !== 'async' || site.entry.family === 'sleep' || !include(site.entry, site.module)) continue;
          const suggestion = awaitSuggestion(finding, context.sourceCode);
          context.report({
            node: site.node,
            messageId: site.form === 'call' ? 'blockingCall' : 'blockingCallback',
            data: { api: site.entry.display, context: describeContext(where), fix: describeFix(site.entry, site.module) },
            ...(suggestion
              ? { suggest: [{ messageId: 'suggestAwait' as const, data: { replacement: suggestion.replacement }, fix: suggestion.fix }] }
              : {}),
          });
        }
      },
    };
  },
});
