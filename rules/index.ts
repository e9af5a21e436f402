import type { TSESLint } from '@typescript-eslint/utils';

import { rules } from './all-rules.js';
import { allRules, recommendedRules, recommendedTypeCheckedRules } from './configs.js';
import { VERSION } from './version.js';

export { rules } from './all-rules.js';
export type { RuleName } from './all-rules.js';
export { UnblockSettingsError } from '../analysis/settings.js';

type FlatConfig = TSESLint.FlatConfig.Config;

interface UnblockPlugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: typeof rules;
  readonly configs: {
    readonly recommended: FlatConfig;
    readonly 'recommended-type-checked': FlatConfig;
    readonly all: FlatConfig;
  };
}

const configs = {} as { recommended: FlatConfig; 'recommended-type-checked': FlatConfig; all: FlatConfig };

/** The ESLint plugin: `import unblock from 'unblock'` and spread `unblock.configs.recommended` into eslint.config.js. */
const plugin: UnblockPlugin = {
  meta: { name: 'unblock', version: VERSION },
  rules,
  configs,
};

// The configs refer to the plugin object itself, so they are filled in once it exists.
configs.recommended = { name: 'unblock/recommended', plugins: { unblock: plugin as unknown as TSESLint.FlatConfig.Plugin }, rules: recommendedRules };
configs['recommended-type-checked'] = {
  name: 'unblock/recommended-type-checked',
  plugins: { unblock: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedTypeCheckedRules,
};
configs.all = { name: 'unblock/all', plugins: { unblock: plugin as unknown as TSESLint.FlatConfig.Plugin }, rules: allRules };

export default plugin;
