import type { Linter } from 'eslint';

import { recommendedRules } from '../../rules/configs.js';

export type ScanRules = Linter.RulesRecord;

/** The rules `unblock scan` runs: the recommended set. */
export function recommendedScanRules(): ScanRules {
  return { ...recommendedRules };
}
