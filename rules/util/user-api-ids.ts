import type { TSESLint } from '@typescript-eslint/utils';

import { readSettings } from '../../analysis/settings.js';

/** Ids of the APIs users added in `settings.unblock.blockingApis`, valid in the `allow` option too. */
export function userApiIds(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string[] {
  return readSettings(context.settings).moduleApis.map((api) => api.id);
}
