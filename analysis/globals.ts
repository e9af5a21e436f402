import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;

/**
 * Identifiers in the file that refer to the global `name`: unresolved references, plus references
 * to a global that the configuration (`languageOptions.globals`) or TypeScript's lib declared.
 * A local or parameter of that name shadows it and its references are not returned.
 */
export function globalReferences(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.Identifier[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const identifiers: TSESTree.Identifier[] = [];
  for (const reference of globalScope.through) {
    if (reference.identifier.name === name) identifiers.push(reference.identifier as TSESTree.Identifier);
  }
  const declared = globalScope.set.get(name);
  if (declared && isImplicitGlobal(declared)) {
    for (const reference of declared.references) identifiers.push(reference.identifier as TSESTree.Identifier);
  }
  return identifiers;
}

/** A global nobody in the file declared: configured globals and TypeScript lib symbols have no definitions. */
export function isImplicitGlobal(variable: Variable): boolean {
  return variable.defs.length === 0;
}

/** True when `identifier` refers to the global of its name rather than to anything declared in the file. */
export function refersToGlobal(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) return isImplicitGlobal(variable);
    scope = scope.upper;
  }
  return true;
}
