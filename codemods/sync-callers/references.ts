// Every place the program refers to a function, found by TypeScript's
// find-references (through imports, re-exports and renames): the calls that
// would have to await it, and the uses that cannot (passed as a value, named
// in a type, called from a file the codemod is not fixing).

import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { Node, SyntaxKind, type CallExpression } from 'ts-morph';

import type { FunctionInfo } from './functions.js';
import type { LoadedProgram, ProgramFile } from './program.js';

export type ReferenceSite =
  | { readonly kind: 'call'; readonly file: ProgramFile; readonly tsCall: CallExpression; readonly call: TSESTree.CallExpression; readonly location: string }
  /** `tsCall`: the call it is about, when it is one. */
  | { readonly kind: 'blocker'; readonly reason: string; readonly sync: boolean; readonly tsCall?: CallExpression };

export class References {
  readonly #program: LoadedProgram;
  readonly #cache = new Map<FunctionInfo, readonly ReferenceSite[]>();

  constructor(program: LoadedProgram) {
    this.#program = program;
  }

  /** `file:line` relative to the program's root. */
  location(file: string, line: number): string {
    return `${path.relative(this.#program.root, file) || path.basename(file)}:${line}`;
  }

  of(info: FunctionInfo): readonly ReferenceSite[] {
    const known = this.#cache.get(info);
    if (known) return known;
    const sites: ReferenceSite[] = [];
    const seen = new Set<Node>();
    for (const reference of info.nameNode?.findReferencesAsNodes() ?? []) {
      if (reference === info.nameNode || seen.has(reference)) continue;
      seen.add(reference);
      const site = this.#site(info, reference);
      if (site) sites.push(site);
    }
    this.#cache.set(info, sites);
    return sites;
  }

  #site(info: FunctionInfo, reference: Node): ReferenceSite | undefined {
    const sourceFile = reference.getSourceFile();
    const filePath = path.resolve(sourceFile.getFilePath());
    const where = this.location(filePath, reference.getStartLineNumber());
    const parent = reference.getParent();
    if (!parent) return undefined;
    // The plumbing of imports and exports: the uses of the bindings are references of their own.
    if (
      Node.isImportSpecifier(parent) ||
      Node.isImportClause(parent) ||
      Node.isNamespaceImport(parent) ||
      Node.isExportSpecifier(parent) ||
      Node.isExportAssignment(parent) ||
      (Node.isBindingElement(parent) && isRequireBinding(parent))
    ) {
      return undefined;
    }
    const file = this.#program.files.get(filePath);
    if (sourceFile.isDeclarationFile()) return { kind: 'blocker', reason: `\`${info.name}\` is declared again in ${where}, which would still say it returns a plain value`, sync: false };
    if (Node.isTypeQuery(parent)) return { kind: 'blocker', reason: `\`${info.name}\`'s type is used at ${where} (\`${parent.getText()}\`)`, sync: false };
    const call = callOf(reference);
    if (!call) {
      const exported = commonJsExport(reference);
      if (exported) return { kind: 'blocker', reason: `\`${info.name}\` is exported through \`${exported}\` at ${where}, whose importers the codemod does not follow`, sync: false };
      const text = parent.getText().replace(/\s+/g, ' ');
      return { kind: 'blocker', reason: `\`${info.name}\` is used as a value at ${where} (\`${text.length <= 40 ? text : `${text.slice(0, 37)}...`}\`), where a caller would get a promise`, sync: false };
    }
    if (!file) return { kind: 'blocker', reason: `\`${info.name}\` is also called at ${where}, in a file the codemod cannot parse`, sync: true, tsCall: call };
    if (!file.editable) return { kind: 'blocker', reason: `\`${info.name}\` is also called at ${where}, in a file the codemod is not fixing`, sync: true, tsCall: call };
    if (call.hasQuestionDotToken()) return { kind: 'blocker', reason: `\`${info.name}\` is called optionally at ${where}`, sync: false, tsCall: call };
    const estree = file.index.callOf(call);
    if (!estree) return { kind: 'blocker', reason: `\`${info.name}\` is called at ${where} in a form the codemod does not rewrite`, sync: false, tsCall: call };
    return { kind: 'call', file, tsCall: call, call: estree, location: where };
  }
}

/** The call whose callee `reference` is: `f(…)`, `ns.f(…)`, `(f)(…)`. */
function callOf(reference: Node): CallExpression | undefined {
  let callee: Node = reference;
  const parent = reference.getParent();
  if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === reference) callee = parent;
  while (callee.getParent() && (Node.isParenthesizedExpression(callee.getParent()) || Node.isNonNullExpression(callee.getParent()))) callee = callee.getParentOrThrow();
  const call = callee.getParent();
  return call && Node.isCallExpression(call) && call.getExpression() === callee ? call : undefined;
}

/** `const { f } = require('./m')`: CommonJS's import. */
function isRequireBinding(element: Node): boolean {
  const declaration = element.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  const init = declaration?.getInitializer();
  return init !== undefined && Node.isCallExpression(init) && init.getExpression().getText() === 'require';
}

/** `module.exports` or `exports.name` when `reference` is assigned to one (`module.exports = { f }`). */
function commonJsExport(reference: Node): string | undefined {
  for (let current: Node | undefined = reference; current; current = current.getParent()) {
    if (Node.isBinaryExpression(current) && current.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const target = current.getLeft().getText();
      return /^(?:module\.)?exports\b/.test(target) ? target : undefined;
    }
    if (Node.isStatement(current)) return undefined;
  }
  return undefined;
}
