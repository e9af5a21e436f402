import { BLOCKING_RULE_DEFAULTS, BLOCKING_RULE_SCHEMA, createEntryFilter, type BlockingRuleOptions } from '../analysis/blocking-options.js';
import { createRule } from './util/create-rule.js';
import { describeContext, describeFix } from '../analysis/messages.js';
import { userApiIds } from './util/user-api-ids.js';
import { ruleView } from './util/rule-findings.js';

export type Options = [BlockingRuleOptions];
export type MessageId = 'blockingCall' | 'blockingCallback';

export const RULE_NAME = 'no-blocking-in-handler';

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow known blocking calls inside sync request handlers (Express, Fastify, Koa, Hono, NestJS, Next.js, Lambda)',
      recommended: true,
    },
    messages: {
      blockingCall: '`{{api}}` blocks the event loop in {{context}}; {{fix}}',
      blockingCallback: '`{{api}}` is passed as a callback and blocks the event loop in {{context}}; {{fix}}',
    },
    schema: [BLOCKING_RULE_SCHEMA],
    defaultOptions: [BLOCKING_RULE_DEFAULTS],
  },
  create(context, [options]) {
    const view = ruleView(context, RULE_NAME, options.typeAware);
    const include = createEntryFilter(RULE_NAME, options, userApiIds(context));
    return {
      'Program:exit'() {
        for (const { site, context: where } of view()?.findings ?? []) {
          // Async handlers belong to no-blocking-in-async; each site is reported by one rule only.
          if (where.kind !== 'handler' || site.entry.family === 'sleep' || !include(site.entry, site.module)) continue;
          context.report({
            node: site.node,
            messageId: site.form === 'call' ? 'blockingCall' : 'blockingCallback',
            data: { api: site.entry.display, context: describeContext(where), fix: describeFix(site.entry, site.module) },
          });
        }
      },
    };
  },
});
