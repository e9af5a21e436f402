// The package's entry: `import unblock from 'unblock'`, or `require('unblock')` from CommonJS.
//
// The public objects are typed with ESLint's own types, resolved from the user's ESLint (9 or 10),
// so that they fit `defineConfig`, `Linter.Config[]`, `ESLint.Plugin` and typescript-eslint's
// `config()` alike. The rules are written with typescript-eslint's types, which ESLint's do not
// accept as they are; this file is where one becomes the other, and its declarations name
// nothing but `eslint`, so a project without typescript-eslint still type-checks against them.

import type { ESLint, Linter, Rule } from 'eslint';

import { rules as ruleModules } from './all-rules.js';
import { allRules, recommendedRules, recommendedTypeCheckedRules } from './configs.js';
import { VERSION } from './version.js';

export { UnblockSettingsError } from '../analysis/settings.js';

/** The names of unblock's rules, without the `unblock/` prefix. */
export type RuleName = 'no-blocking-in-async' | 'no-blocking-in-handler' | 'no-busy-wait' | 'no-transitive-blocking' | 'offload-self-contained';

// Both ways round, so that adding a rule to all-rules.ts without naming it above fails to compile.
ruleModules satisfies Record<RuleName, unknown>;
({}) as Record<keyof typeof ruleModules, true> satisfies Record<RuleName, true>;

/** A flat config of the plugin: its name, the plugin itself and its rules are always there. */
export type UnblockConfig = Linter.Config & {
  readonly name: string;
  readonly plugins: { readonly unblock: UnblockPlugin };
  readonly rules: Linter.RulesRecord;
};

// A type literal, not an interface: ESLint.Plugin's `configs` is a record, which only a type
// literal is assignable to.
export type UnblockConfigs = {
  /** Needs no type information. */
  readonly recommended: UnblockConfig;
  /** Adds typed detection; needs `parserOptions.projectService`. */
  readonly 'recommended-type-checked': UnblockConfig;
  /** Every rule. */
  readonly all: UnblockConfig;
};

/** An ESLint rule that always declares its meta (docs, messages, schema, default options). */
export type UnblockRule = Rule.RuleModule & { readonly meta: Rule.RuleMetaData & { readonly messages: Record<string, string> } };

export interface UnblockPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: Readonly<Record<RuleName, UnblockRule>>;
  readonly configs: UnblockConfigs;
}

/** Every rule, typed as ESLint types a rule. */
export const rules = ruleModules as unknown as UnblockPlugin['rules'];

const configs = {} as { -readonly [Name in keyof UnblockConfigs]: UnblockConfigs[Name] };

/** The ESLint plugin: `import unblock from 'unblock'` and spread `unblock.configs.recommended` into eslint.config.js. */
const plugin: UnblockPlugin = {
  meta: { name: 'unblock', version: VERSION },
  rules,
  configs,
};

// The configs refer to the plugin object itself, so they are filled in once it exists.
configs.recommended = { name: 'unblock/recommended', plugins: { unblock: plugin }, rules: recommendedRules };
configs['recommended-type-checked'] = { name: 'unblock/recommended-type-checked', plugins: { unblock: plugin }, rules: recommendedTypeCheckedRules };
configs.all = { name: 'unblock/all', plugins: { unblock: plugin }, rules: allRules };

// `module.exports` makes `require('unblock')` (Node's require of an ES module) return the plugin
// itself rather than a namespace object with a `default` key, as eslint.config.cjs expects.
export { plugin as default, plugin as 'module.exports' };
