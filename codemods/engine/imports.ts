// The imports a rewrite needs: reuse what the file already imports, merge new
// names into an existing import of the same module, add one statement per new
// module in the file's own style, and drop sync bindings the rewrite left
// unused. Never two imports of one module where one would do.

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '../../analysis/estree.js';
import { unwrapExpression } from '../../analysis/ast.js';
import { importEqualsSource, requireCallIn, type FileStyle } from './file-style.js';
import type { NamePicker } from './names.js';
import type { Rewriter } from './rewriter.js';

const normalize = (specifier: string): string => specifier.replace(/^node:/, '');

interface EsmSlot {
  readonly kind: 'esm';
  readonly declaration: TSESTree.ImportDeclaration;
}

interface CjsSlot {
  readonly kind: 'cjs';
  readonly statement: TSESTree.VariableDeclaration;
  readonly declarator: TSESTree.VariableDeclarator & { id: TSESTree.ObjectPattern };
}

type Slot = CjsSlot | EsmSlot;

interface Addition {
  readonly exported: string;
  readonly local: string;
}

export class ImportPlan {
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  readonly #style: FileStyle;
  readonly #names: NamePicker;
  readonly #rewriter: Rewriter;
  /** Names to add to an existing import, by slot. */
  readonly #additions = new Map<Slot, Addition[]>();
  /** Names for modules the file does not import yet, by written specifier. */
  readonly #newModules = new Map<string, Addition[]>();
  readonly #declarations: string[] = [];
  readonly #declared = new Map<string, string>();
  /** Bindings new code refers to: never dropped as unused. */
  readonly #kept = new Set<string>();
  /** What each request resolved to, so that repeated requests agree. */
  readonly #resolved = new Map<string, string>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, style: FileStyle, names: NamePicker, rewriter: Rewriter) {
    this.#sourceCode = sourceCode;
    this.#style = style;
    this.#names = names;
    this.#rewriter = rewriter;
  }

  get style(): FileStyle {
    return this.#style;
  }

  /**
   * An expression for export `exported` of `module` (written without `node:`): a local name
   * or `namespace.exported`. `builtin` says whether `module` is a Node core module, which
   * decides the `node:` prefix of a new import.
   */
  named(module: string, exported: string, builtin: boolean): string {
    const key = `${module}\0${exported}`;
    const known = this.#resolved.get(key);
    if (known !== undefined) return known;
    const resolved = this.#resolve(module, exported, builtin);
    this.#resolved.set(key, resolved);
    return resolved;
  }

  /** Records the plan as it stands; calling the result puts it back (a site whose edits failed). */
  snapshot(): () => void {
    const additions = new Map([...this.#additions].map(([slot, list]) => [slot, [...list]]));
    const newModules = new Map([...this.#newModules].map(([module, list]) => [module, [...list]]));
    const declarations = [...this.#declarations];
    const declared = new Map(this.#declared);
    const kept = new Set(this.#kept);
    const resolved = new Map(this.#resolved);
    return () => {
      const restore = <K, V>(target: Map<K, V>, from: Map<K, V>): void => {
        target.clear();
        for (const [key, value] of from) target.set(key, value);
      };
      restore(this.#additions, additions);
      restore(this.#newModules, newModules);
      restore(this.#declared, declared);
      restore(this.#resolved, resolved);
      this.#declarations.splice(0, this.#declarations.length, ...declarations);
      this.#kept.clear();
      for (const name of kept) this.#kept.add(name);
    };
  }

  /** Marks an existing binding as used by added code (`promisify(zlib.gzip)` uses `zlib`). */
  keep(name: string): void {
    this.#kept.add(name);
  }

  /** A module-level `const <name> = <init>;` after the imports, once per key; returns the name. */
  declare(key: string, base: string, init: (name: string) => string): string {
    const existing = this.#declared.get(key);
    if (existing !== undefined) return existing;
    const name = this.#names.pick(base, '');
    this.#declared.set(key, name);
    this.#declarations.push(`const ${name} = ${init(name)}${this.#style.semicolon}`);
    return name;
  }

  #resolve(module: string, exported: string, builtin: boolean): string {
    const body = this.#sourceCode.ast.body;
    // An existing binding of exactly this export.
    for (const statement of body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type' && normalize(statement.source.value) === module) {
        for (const specifier of statement.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type' && importedName(specifier) === exported) {
            this.#kept.add(specifier.local.name);
            return specifier.local.name;
          }
        }
      }
      for (const declarator of requireDeclarators(statement, module)) {
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (property.type === AST_NODE_TYPES.Property && !property.computed && keyName(property.key) === exported && property.value.type === AST_NODE_TYPES.Identifier) {
            this.#kept.add(property.value.name);
            return property.value.name;
          }
        }
      }
    }
    // A namespace of the module: `import * as fsp from 'fs/promises'`, `const fsp = require('fs/promises')`.
    for (const statement of body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type' && normalize(statement.source.value) === module) {
        // A core module's default export is the module object too: `import fsp from 'node:fs/promises'`.
        const namespace =
          statement.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) ??
          (builtin ? statement.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) : undefined);
        if (namespace && !this.#allReferencesRemoved(namespace.local)) {
          this.#kept.add(namespace.local.name);
          return `${namespace.local.name}.${exported}`;
        }
      }
      if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && normalize(importEqualsSource(statement)?.value ?? '') === module && !this.#allReferencesRemoved(statement.id)) {
        this.#kept.add(statement.id.name);
        return `${statement.id.name}.${exported}`;
      }
      for (const declarator of requireDeclarators(statement, module)) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && requireCallIn(declarator.init) === unwrapInit(declarator) && !this.#allReferencesRemoved(declarator.id)) {
          this.#kept.add(declarator.id.name);
          return `${declarator.id.name}.${exported}`;
        }
      }
    }
    const local = this.#names.pick(exported);
    const addition = { exported, local };
    const slot = this.#slotFor(module);
    if (slot) {
      const list = this.#additions.get(slot) ?? [];
      list.push(addition);
      this.#additions.set(slot, list);
    } else {
      const written = builtin && this.#style.nodePrefix ? `node:${module}` : module;
      const list = this.#newModules.get(written) ?? [];
      list.push(addition);
      this.#newModules.set(written, list);
    }
    return local;
  }

  readonly #slots = new Map<TSESTree.Node, Slot>();
  /** Import statements dropped as unused. */
  readonly #removed = new Set<TSESTree.Node>();

  /** An existing import of `module` that new names can join; one slot object per statement. */
  #slotFor(module: string): Slot | undefined {
    const found = this.#findSlot(module);
    if (!found) return undefined;
    const key = found.kind === 'esm' ? found.declaration : found.declarator;
    const known = this.#slots.get(key);
    if (known) return known;
    this.#slots.set(key, found);
    return found;
  }

  #findSlot(module: string): Slot | undefined {
    for (const statement of this.#sourceCode.ast.body) {
      if (
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.importKind !== 'type' &&
        normalize(statement.source.value) === module &&
        statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier)
      ) {
        return { kind: 'esm', declaration: statement };
      }
      if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of requireDeclarators(statement, module)) {
          if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && requireCallIn(declarator.init) === unwrapInit(declarator)) {
            return { kind: 'cjs', statement, declarator: declarator as CjsSlot['declarator'] };
          }
        }
      }
    }
    return undefined;
  }

  #allReferencesRemoved(identifier: TSESTree.Identifier): boolean {
    if (this.#kept.has(identifier.name)) return false;
    const variable = ASTUtils.findVariable(this.#sourceCode.getScope(identifier), identifier.name);
    // `const { a } = require('m')` writes `a` once; only the reads are uses.
    const reads = variable?.references.filter((reference) => !reference.init) ?? [];
    if (reads.length === 0) return false;
    return reads.every((reference) => this.#rewriter.wasRemoved(reference.identifier));
  }

  /** Writes every import change. Call once, after all sites are rewritten. */
  finish(): void {
    const { eol, semicolon, quote } = this.#style;
    const body = this.#sourceCode.ast.body;
    const handled = new Set<TSESTree.Node>();

    for (const statement of body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
        const slot = [...this.#additions.keys()].find((candidate) => candidate.kind === 'esm' && candidate.declaration === statement);
        this.#rewriteEsm(statement, slot ? (this.#additions.get(slot) ?? []) : []);
        handled.add(statement);
      } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        this.#rewriteCjs(statement);
      } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration && importEqualsSource(statement) && this.#allReferencesRemoved(statement.id)) {
        this.#removeStatement(statement);
      }
    }

    const lines: string[] = [];
    for (const [specifier, additions] of this.#newModules) {
      const list = additions.map((addition) => this.#specifierText(addition)).join(', ');
      lines.push(
        this.#style.moduleSystem === 'esm'
          ? `import { ${list} } from ${quote}${specifier}${quote}${semicolon}`
          : `const { ${list} } = require(${quote}${specifier}${quote})${semicolon}`,
      );
    }
    const declarations = this.#declarations;
    const removed = [...this.#removed].sort((a, b) => a.range[0] - b.range[0]);
    const anchor = this.#anchor();
    // New imports take the place of the first import the rewrite made unused (`node:fs` →
    // `node:fs/promises` on the same line); otherwise they go after the last import.
    const importSpot = lines.length > 0 ? (removed[0] ?? anchor) : undefined;
    // Helpers go after every import and require, since they may use any of them.
    const declarationSpot = declarations.length > 0 ? anchor : undefined;
    const placed = new Map<TSESTree.Node, string[]>();
    const place = (statement: TSESTree.Node, added: readonly string[]): void => {
      placed.set(statement, [...(placed.get(statement) ?? []), ...added]);
    };
    const pending: string[] = [];
    if (importSpot) place(importSpot, lines);
    else pending.push(...lines);
    if (declarationSpot) place(declarationSpot, declarations);
    else pending.push(...declarations);

    for (const statement of removed) {
      const added = placed.get(statement);
      if (added) this.#rewriter.replaceRange(statement.range[0], statement.range[1], added.join(eol));
      else this.#deleteStatement(statement);
    }
    for (const [statement, added] of placed) {
      if (!this.#removed.has(statement)) this.#rewriter.after(statement.range[1], added.map((line) => `${eol}${line}`).join(''));
    }
    if (pending.length === 0) return;
    // No import or require to follow: at the top, after any directive.
    const directive = body.filter((statement) => isDirective(statement)).at(-1);
    if (directive) {
      this.#rewriter.after(directive.range[1], pending.map((line) => `${eol}${line}`).join(''));
      return;
    }
    const first = body[0];
    if (first) this.#rewriter.before(first.range[0], pending.map((line) => `${line}${eol}`).join('') + eol);
    else {
      const end = this.#sourceCode.text.length;
      this.#rewriter.after(end, (end > 0 && !this.#sourceCode.text.endsWith('\n') ? eol : '') + pending.map((line) => `${line}${eol}`).join(''));
    }
  }

  #specifierText(addition: Addition): string {
    if (addition.exported === addition.local) return addition.exported;
    return this.#style.moduleSystem === 'esm' ? `${addition.exported} as ${addition.local}` : `${addition.exported}: ${addition.local}`;
  }

  /** The last top-level import or require statement: new imports go after it. */
  #anchor(): TSESTree.Node | undefined {
    let anchor: TSESTree.Node | undefined;
    for (const statement of this.#sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration || importEqualsSource(statement)) anchor = statement;
      else if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => requireCallIn(declarator.init))) anchor = statement;
    }
    return anchor;
  }

  #rewriteEsm(declaration: TSESTree.ImportDeclaration, additions: readonly Addition[]): void {
    const specifiers = declaration.specifiers;
    const kept = specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type' ? true : !this.#allReferencesRemoved(specifier.local));
    if (kept.length === specifiers.length && additions.length === 0) return;
    if (kept.length === 0 && additions.length === 0) {
      this.#removeStatement(declaration);
      return;
    }
    const defaultPart = kept.find((specifier) => specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier);
    const namespacePart = kept.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
    const named = [...kept.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier).map((specifier) => this.#sourceCode.getText(specifier)), ...additions.map((addition) => this.#specifierText(addition))];
    const first = specifiers[0];
    const last = specifiers.at(-1);
    if (!first || !last) return;
    const closing = this.#sourceCode.getTokenAfter(last, { filter: (token) => token.value === 'from' });
    if (!closing) return;
    const clauseEnd = this.#sourceCode.getTokenBefore(closing);
    if (!clauseEnd) return;
    // The clause starts at the default or namespace specifier, or at the `{` of the named ones.
    const clauseStart = first.type === AST_NODE_TYPES.ImportSpecifier ? (this.#sourceCode.getTokenBefore(first)?.range[0] ?? first.range[0]) : first.range[0];
    const original = this.#sourceCode.text.slice(clauseStart, clauseEnd.range[1]);
    const parts: string[] = [];
    if (defaultPart) parts.push(this.#sourceCode.getText(defaultPart));
    if (namespacePart) parts.push(this.#sourceCode.getText(namespacePart));
    if (named.length > 0) parts.push(this.#braces(named, original));
    this.#rewriter.replaceRange(clauseStart, clauseEnd.range[1], parts.join(', '));
  }

  #rewriteCjs(statement: TSESTree.VariableDeclaration): void {
    // `const fs = require('fs'), { stat } = require('fs/promises')` holds several requires: each
    // declarator gets its additions, and one the rewrite left unused goes, with its comma.
    const single = statement.declarations.length === 1;
    const unused: TSESTree.VariableDeclarator[] = [];
    for (const declarator of statement.declarations) {
      const call = requireCallIn(declarator.init);
      if (!call || unwrapInit(declarator) !== call) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        if (this.#allReferencesRemoved(declarator.id)) unused.push(declarator);
        continue;
      }
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      const slot = [...this.#additions.keys()].find((candidate) => candidate.kind === 'cjs' && candidate.declarator === declarator);
      const additions = slot ? (this.#additions.get(slot) ?? []) : [];
      const properties = declarator.id.properties;
      const kept = properties.filter(
        (property) => !(property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && this.#allReferencesRemoved(property.value)),
      );
      if (kept.length === properties.length && additions.length === 0) continue;
      if (kept.length === 0 && additions.length === 0) {
        unused.push(declarator);
        continue;
      }
      const parts = [...kept.map((property) => this.#sourceCode.getText(property)), ...additions.map((addition) => this.#specifierText(addition))];
      const pattern = declarator.id;
      const inner = this.#sourceCode.text.slice(pattern.range[0], pattern.range[1]);
      const typeAnnotation = pattern.typeAnnotation ? this.#sourceCode.getText(pattern.typeAnnotation) : '';
      this.#rewriter.replaceRange(pattern.range[0], pattern.range[1], this.#braces(parts, inner) + typeAnnotation);
    }
    if (unused.length === 0) return;
    if (single || unused.length === statement.declarations.length) {
      this.#removeStatement(statement);
      return;
    }
    this.#deleteDeclarators(statement.declarations, new Set(unused));
  }

  /**
   * Deletes some (not all) declarators of one statement: each with the text up to the next
   * declarator, and those after the last one kept from that one's end, so the commas stay right.
   */
  #deleteDeclarators(declarators: readonly TSESTree.VariableDeclarator[], unused: ReadonlySet<TSESTree.VariableDeclarator>): void {
    let lastKept = -1;
    declarators.forEach((declarator, index) => {
      if (!unused.has(declarator)) lastKept = index;
    });
    declarators.forEach((declarator, index) => {
      if (!unused.has(declarator) || index > lastKept) return;
      this.#rewriter.replaceRange(declarator.range[0], declarators[index + 1]!.range[0], '');
    });
    if (lastKept < declarators.length - 1) this.#rewriter.replaceRange(declarators[lastKept]!.range[1], declarators.at(-1)!.range[1], '');
  }

  /** `{ a, b }`, laid out one per line when the original list was. */
  #braces(items: readonly string[], original: string): string {
    const open = original.indexOf('{');
    const inside = open >= 0 ? original.slice(open + 1, original.lastIndexOf('}')) : '';
    if (!inside.includes('\n')) return `{ ${items.join(', ')} }`;
    const indent = /\n([ \t]*)\S/.exec(inside)?.[1] ?? '  ';
    const closingIndent = /\n([ \t]*)$/.exec(inside)?.[1] ?? '';
    const trailingComma = /,\s*$/.test(inside) ? ',' : '';
    const { eol } = this.#style;
    return `{${eol}${items.map((item) => `${indent}${item}`).join(`,${eol}`)}${trailingComma}${eol}${closingIndent}}`;
  }

  #removeStatement(statement: TSESTree.Node): void {
    this.#removed.add(statement);
  }

  #deleteStatement(statement: TSESTree.Node): void {
    const text = this.#sourceCode.text;
    let end = statement.range[1];
    // Take the line break with it, so no blank line is left where the import was.
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n') end += 1;
    let start = statement.range[0];
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    this.#rewriter.replaceRange(start, end, '');
  }
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/** Top-level `const x = require('module')` / `const { a } = require('module')` declarators. */
function requireDeclarators(statement: TSESTree.ProgramStatement, module: string): TSESTree.VariableDeclarator[] {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  return statement.declarations.filter((declarator) => {
    const call = unwrapInit(declarator);
    if (call?.type !== AST_NODE_TYPES.CallExpression || requireCallIn(call) !== call) return false;
    const argument = call.arguments[0];
    return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' && normalize(argument.value) === module;
  });
}

/** A declarator's initialiser without `as`/`satisfies`/`!`: `require('x') as typeof import('x')`. */
function unwrapInit(declarator: TSESTree.VariableDeclarator): TSESTree.Node | undefined {
  return declarator.init ? unwrapExpression(declarator.init) : undefined;
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}
