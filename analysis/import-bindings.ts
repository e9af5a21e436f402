// Which local names a module binds to other modules' exports at its top level: ESM imports,
// `import x = require()`, and `require` calls assigned to a name or destructured. One answer for
// every consumer: the tracker starts its flow at these bindings, `unblock trace` names a traced
// call's API through them, and the module graph follows them into the project's own modules.

import { AST_NODE_TYPES, type TSESTree } from './estree.js';
import { memberName, propertyKeyName, staticString, unwrapExpression } from './ast.js';

export interface ImportBinding {
  /** The local name. */
  readonly local: string;
  /** The node that declares it: an import specifier, a TSImportEquals declaration, or the identifier a `require` is bound to. */
  readonly declaration: TSESTree.Node;
  /** The module specifier as written: `node:fs`, `./lib/config.js`, `#lib/db`. */
  readonly specifier: string;
  /**
   * What of the module the name holds: `default`, `*` (the namespace, or `module.exports` through
   * `require`), or an export name.
   */
  readonly imported: string;
  /** Members read after it: `require('m').a.b` → `['a', 'b']`; `const { a: { b } } = require('m')` → `['a', 'b']`. */
  readonly path: readonly string[];
  /** `import type`: no value at run time. */
  readonly typeOnly: boolean;
}

/** The export path a binding names, with the module itself as `[]` (a default or namespace import, a bare `require`). */
export function exportPathOf(binding: ImportBinding): readonly string[] {
  const head = binding.imported === 'default' || binding.imported === '*' ? [] : [binding.imported];
  return [...head, ...binding.path];
}

/** Bindings made by `import` declarations and `import x = require('m')`. */
export function esmImportBindings(program: TSESTree.Program): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const specifier = statement.source.value;
      for (const item of statement.specifiers) {
        const imported =
          item.type === AST_NODE_TYPES.ImportSpecifier
            ? item.imported.type === AST_NODE_TYPES.Identifier
              ? item.imported.name
              : item.imported.value
            : item.type === AST_NODE_TYPES.ImportDefaultSpecifier
              ? 'default'
              : '*';
        const typeOnly = statement.importKind === 'type' || (item.type === AST_NODE_TYPES.ImportSpecifier && item.importKind === 'type');
        bindings.push({ local: item.local.name, declaration: item, specifier, imported, path: [], typeOnly });
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      const specifier = staticString(statement.moduleReference.expression);
      if (specifier !== undefined) {
        bindings.push({ local: statement.id.name, declaration: statement, specifier, imported: '*', path: [], typeOnly: statement.importKind === 'type' });
      }
    }
  }
  return bindings;
}

/** `require('m')` (with the global `require`) followed by member reads: the specifier and the members. */
export function requiredModule(expression: TSESTree.Node | null | undefined): { specifier: string; path: string[] } | undefined {
  const path: string[] = [];
  let node = expression ? unwrapExpression(expression) : undefined;
  while (node?.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (name === undefined) return undefined;
    path.unshift(name);
    node = unwrapExpression(node.object);
  }
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const specifier = staticString(node.arguments[0]);
  return specifier === undefined ? undefined : { specifier, path };
}

/** Bindings made at the top level by `const x = require('m')…` and `const { a, b: c } = require('m')`. */
export function requireBindings(program: TSESTree.Program): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const required = requiredModule(declarator.init);
      if (required) bindPattern(declarator.id, required.specifier, required.path, bindings);
    }
  }
  return bindings;
}

function bindPattern(pattern: TSESTree.Node, specifier: string, path: readonly string[], out: ImportBinding[]): void {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    out.push({ local: pattern.name, declaration: pattern, specifier, imported: '*', path, typeOnly: false });
    return;
  }
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    bindPattern(pattern.left, specifier, path, out);
    return;
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key !== undefined) bindPattern(property.value, specifier, [...path, key], out);
  }
}

/** Every top-level binding to another module: imports first, then requires. */
export function importBindings(program: TSESTree.Program): ImportBinding[] {
  return [...esmImportBindings(program), ...requireBindings(program)];
}
