// Picks local names for what a codemod adds, never one the file already uses
// anywhere: a new module-level binding must not shadow or be shadowed.

import type { TSESLint } from '@typescript-eslint/utils';

export class NamePicker {
  readonly #taken = new Set<string>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    const manager = sourceCode.scopeManager;
    for (const scope of manager?.scopes ?? []) {
      for (const variable of scope.variables) this.#taken.add(variable.name);
      for (const reference of scope.through) this.#taken.add(reference.identifier.name);
    }
  }

  isFree(name: string): boolean {
    return !this.#taken.has(name);
  }

  /** `base` when free, else `baseAsync`, `baseAsync2`…; the name is then taken. */
  pick(base: string, suffix = 'Async'): string {
    let name = base;
    for (let n = 1; this.#taken.has(name); n++) name = n === 1 ? `${base}${suffix}` : `${base}${suffix}${n}`;
    this.#taken.add(name);
    return name;
  }
}
