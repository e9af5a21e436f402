import type { TSESLint } from '@typescript-eslint/utils';

import { rules, type RuleName } from './all-rules.js';

type RuleEntries = Record<`unblock/${RuleName}`, TSESLint.SharedConfig.RuleEntry>;

function entries(pick: (name: RuleName) => boolean): Partial<RuleEntries> {
  const result: Partial<RuleEntries> = {};
  for (const name of Object.keys(rules) as RuleName[]) if (pick(name)) result[`unblock/${name}`] = 'error';
  return result;
}

/** Rules in `recommended`: those whose docs say so. Needs no type information. */
export const recommendedRules = entries((name) => {
  const docs = rules[name].meta.docs;
  return docs?.recommended === true && docs.requiresTypeChecking !== true;
});

/** Every rule. */
export const allRules = entries(() => true);
