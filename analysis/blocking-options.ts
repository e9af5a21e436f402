import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import { ALL_APIS, isModuleApi } from './catalog/index.js';
import type { ApiEntry } from './catalog/types.js';

/** Options shared by the rules that report catalog APIs. */
export interface BlockingRuleOptions {
  /** Catalog ids, module names or `family:<name>` that the rule leaves alone. */
  readonly allow?: readonly string[];
  /** Also report APIs the catalog rates `low` (a few random bytes without a callback). */
  readonly includeLowSeverity?: boolean;
  /** Use type information to find blocking methods on receivers from anywhere (needs `parserOptions.projectService`). */
  readonly typeAware?: boolean;
}

export const BLOCKING_RULE_DEFAULTS: Required<BlockingRuleOptions> = { allow: [], includeLowSeverity: false, typeAware: false };

export const BLOCKING_RULE_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: {
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', minLength: 1 },
      description:
        'APIs the rule does not report: catalog ids (`fs.existsSync`, `better-sqlite3.Statement.get`), module names (`bcryptjs`) or families (`family:crypto`).',
    },
    includeLowSeverity: {
      type: 'boolean',
      description: 'Also report APIs the catalog rates low severity, such as `crypto.randomBytes(16)` without a callback.',
    },
    typeAware: {
      type: 'boolean',
      description:
        "Use type information: blocking methods on receivers of known types wherever they come from (better-sqlite3, node:sqlite, `settings.unblock.blockingApis` types). Needs `parserOptions.projectService`; on in configs['recommended-type-checked'].",
    },
  },
};

const FAMILY_PREFIX = 'family:';

/**
 * Builds the filter for `allow` and `includeLowSeverity`, and rejects unknown `allow` entries with
 * the closest known id: a typo there would otherwise silently allow nothing.
 */
export function createEntryFilter(
  ruleName: string,
  options: BlockingRuleOptions,
  extraIds: readonly string[] = [],
): (entry: ApiEntry, module?: string) => boolean {
  if ((options.allow ?? []).length > 0) validateAllow(ruleName, new Set(options.allow), extraIds);
  // Catalog ids and modules are written without `node:`; users write either, so accept both.
  const allow = new Set((options.allow ?? []).map((item) => item.replace(/^node:/, '')));
  const includeLow = options.includeLowSeverity ?? false;
  return (entry, module) => {
    if (entry.severity === 'low' && !includeLow) return false;
    if (allow.size === 0) return true;
    if (allow.has(entry.id) || allow.has(`${FAMILY_PREFIX}${entry.family}`)) return false;
    // Allowing `graceful-fs` must not silence `node:fs`: match the module the call came through.
    if (isModuleApi(entry) && (module === undefined ? entry.modules.some((name) => allow.has(name)) : allow.has(module.replace(/^node:/, '')))) return false;
    if (!isModuleApi(entry) && allow.has(entry.receiver.split('.')[0]!)) return false;
    return true;
  };
}

function knownNames(extraIds: readonly string[]): Set<string> {
  const names = new Set<string>(extraIds);
  for (const entry of ALL_APIS) {
    names.add(entry.id);
    names.add(`${FAMILY_PREFIX}${entry.family}`);
    if (isModuleApi(entry)) for (const module of entry.modules) names.add(module);
    else names.add(entry.receiver.split('.')[0]!);
  }
  return names;
}

function validateAllow(ruleName: string, allow: ReadonlySet<string>, extraIds: readonly string[]): void {
  const known = knownNames(extraIds);
  for (const item of allow) {
    if (known.has(item) || known.has(item.replace(/^node:/, ''))) continue;
    const suggestion = closest(item, known);
    throw new Error(
      `unblock/${ruleName}: option \`allow\` has "${item}", which is not a catalog id, module or family${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. Run \`unblock list --apis\` to see them.`,
    );
  }
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}
