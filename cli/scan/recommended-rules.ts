import type { Linter } from 'eslint';

import { recommendedRules, recommendedTypeCheckedRules } from '../../rules/configs.js';

export type ScanRules = Linter.RulesRecord;

/** The rules `unblock scan` runs: the recommended set. */
export function recommendedScanRules(): ScanRules {
  return { ...recommendedRules };
}

/** The rules `unblock scan --typed` runs: the recommended set, with type information. */
export function recommendedTypeCheckedScanRules(): ScanRules {
  return { ...recommendedTypeCheckedRules };
}
