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

/** Rules whose detection grows with type information, through their `typeAware` option. */
const TYPE_AWARE_RULES: readonly RuleName[] = ['no-blocking-in-async', 'no-blocking-in-handler', 'no-transitive-blocking'];

/**
 * `recommended` plus typed detection: blocking methods on receivers of known types wherever they
 * come from. Needs `parserOptions.projectService`; each rule throws, naming itself, without it.
 */
export const recommendedTypeCheckedRules: Partial<RuleEntries> = Object.fromEntries(
  Object.entries(recommendedRules).map(([id, entry]) =>
    TYPE_AWARE_RULES.some((name) => id === `unblock/${name}`) ? [id, ['error', { typeAware: true }]] : [id, entry],
  ),
);

/** Every rule. */
export const allRules = entries(() => true);
