// Picks local names for what a codemod adds, never one the file already uses
// anywhere: a new module-level binding must not shadow or be shadowed. A name
// local to one function (a `next` parameter, a `catch` binding) need only be
// new to that function.

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../../analysis/estree.js';
import { walk } from '../../analysis/ast.js';

export class NamePicker {
  readonly #taken = new Set<string>();
  /** Names this picker handed out: module-level bindings that any function may come to use. */
  readonly #added = new Set<string>();
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>) {
    this.#sourceCode = sourceCode;
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
    this.#added.add(name);
    return name;
  }

  /**
   * A name for a binding that lives inside `within` (a parameter, a `catch` binding): `base`
   * unless some identifier in `within` already spells it or a name this picker added could be
   * shadowed by it, else `base_`, `base_2`…
   */
  pickWithin(within: TSESTree.Node, base: string, suffix = '_'): string {
    const used = new Set<string>(this.#added);
    for (const node of walk(within, this.#sourceCode.visitorKeys)) {
      if (node.type === AST_NODE_TYPES.Identifier) used.add(node.name);
    }
    let name = base;
    for (let n = 1; used.has(name); n++) name = n === 1 ? `${base}${suffix}` : `${base}${suffix}${n}`;
    this.#taken.add(name);
    return name;
  }
}
