import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every unblock rule declares. */
export interface UnblockRuleDocs {
  /** Part of `configs.recommended`. */
  readonly recommended?: boolean;
  /** Needs `parserOptions.projectService`; part of `configs['recommended-type-checked']`. */
  readonly requiresTypeChecking?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/unblock-dev/unblock/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<UnblockRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
