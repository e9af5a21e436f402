// The syntax-tree vocabulary that the analysis, the rules and the codemods speak, with nothing
// that loads TypeScript. @typescript-eslint/utils needs TypeScript installed (a peer dependency
// that npm installs with it), so its types are used here as types only: the node-type enums come
// from @typescript-eslint/types, which has no peers, and scope lookup from ESLint's own helpers.
// A JavaScript project that only lints then installs no TypeScript (docs/performance.md).

import { findVariable as findVariableInScope } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
export type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/**
 * The variable a name refers to from `initialScope`, looking outwards; given an identifier, from
 * the innermost scope around it. The same lookup as typescript-eslint's `ASTUtils.findVariable`.
 */
function findVariable(initialScope: Scope, nameOrNode: string | TSESTree.Identifier): Variable | null {
  // The helper is typed for ESLint's scope classes, which typescript-eslint's describe alike.
  const find = findVariableInScope as unknown as (scope: Scope, name: string | TSESTree.Identifier) => Variable | null;
  return find(initialScope, nameOrNode);
}

/** The scope helpers the code uses, under the name typescript-eslint gives them. */
export const ASTUtils = { findVariable } as const;

/**
 * The kinds of scope definition compared by value. typescript-eslint's enum lives in its scope
 * manager; ESLint's own scope analysis (for plain JavaScript) names them with the same strings.
 */
export const DefinitionType = { ClassName: 'ClassName', FunctionName: 'FunctionName', ImportBinding: 'ImportBinding', Variable: 'Variable' } as unknown as Pick<
  typeof TSESLint.Scope.DefinitionType,
  'ClassName' | 'FunctionName' | 'ImportBinding' | 'Variable'
>;
