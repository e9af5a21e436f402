// Builds a rule the way typescript-eslint's `ESLintUtils.RuleCreator` does (the docs URL from
// the rule's name, and the options a rule's `create` receives merged over its defaults), written
// here because @typescript-eslint/utils needs TypeScript installed, which linting JavaScript
// must not (see analysis/estree.ts). Its types are still typescript-eslint's.

import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every unblock rule declares. */
export interface UnblockRuleDocs {
  /** Part of `configs.recommended`. */
  readonly recommended?: boolean;
  /** Needs `parserOptions.projectService`; part of `configs['recommended-type-checked']`. */
  readonly requiresTypeChecking?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/unblock-dev/unblock/blob/main/docs/rules/';

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, UnblockRuleDocs>>;

/** A rule with its docs URL, whose `create` gets the user's options over `meta.defaultOptions`. */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: RuleDefinition<Options, MessageIds>): TSESLint.RuleModule<MessageIds, Options, UnblockRuleDocs> & { name: string } {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  // ESLint calls `create` once per rule and file, with the same option objects for every file of
  // a config: merging them each time (a structured clone) was 40 ms of a 500-file lint. The rules
  // only read their options, so the files of a config share one merged copy. (Not frozen: it may
  // hold the user's own arrays, which ESLint's schema validation fills with defaults.)
  let unconfigured: Options | undefined;
  const byOption = new WeakMap<object, Options>();
  const optionsFor = (given: readonly unknown[]): Options => {
    if (given.length === 0) return (unconfigured ??= withDefaults(defaults, given));
    const [only] = given;
    if (given.length > 1 || typeof only !== 'object' || only === null) return withDefaults(defaults, given);
    let options = byOption.get(only);
    if (!options) {
      options = withDefaults(defaults, given);
      byOption.set(only, options);
    }
    return options;
  };
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}${name}.md` } },
    defaultOptions: defaults,
    create: (context) => create(context, optionsFor(context.options)),
  };
}

/**
 * The options a rule runs with: each default, replaced by the user's option at the same position,
 * or deep-merged with it when both are plain objects. Neither input is changed.
 */
export function withDefaults<Options extends readonly unknown[]>(defaults: Options, given: readonly unknown[] | undefined): Options {
  return defaults.map((fallback, index) => {
    const option = given?.[index];
    if (option === undefined) return structuredClone(fallback);
    return isPlainObject(fallback) && isPlainObject(option) ? mergeDeep(fallback, option) : option;
  }) as unknown as Options;
}

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: PlainObject, over: PlainObject): PlainObject {
  const merged: PlainObject = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}
