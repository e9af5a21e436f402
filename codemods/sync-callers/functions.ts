// The functions the codemod reasons about: declarations and functions bound to
// a variable, wherever in the program a call resolves to them. Methods,
// object properties and factories' results are not followed: a method may be
// overridden or implement an interface, which a text edit cannot see.

import path from 'node:path';

import { Node, SyntaxKind, VariableDeclarationKind, type ArrowFunction, type CallExpression, type FunctionDeclaration, type FunctionExpression, type Identifier, type VariableDeclaration } from 'ts-morph';

import type { FunctionNode } from '../../analysis/ast.js';
import type { LoadedProgram, ProgramFile } from './program.js';

export type FunctionLike = FunctionDeclaration | ArrowFunction | FunctionExpression;

export interface FunctionInfo {
  /** `file#offset`. */
  readonly key: string;
  readonly name: string;
  readonly node: FunctionLike;
  readonly file: ProgramFile;
  readonly estree: FunctionNode;
  /** The identifier its callers' references resolve to, when it has one. */
  readonly nameNode: Identifier | undefined;
  /** The declaration a module exports: the function, or the variable holding it. */
  readonly declaration: Node;
  readonly isAsync: boolean;
  readonly isGenerator: boolean;
}

export class Functions {
  readonly #program: LoadedProgram;
  readonly #infos = new Map<Node, FunctionInfo | null>();

  constructor(program: LoadedProgram) {
    this.#program = program;
  }

  get program(): LoadedProgram {
    return this.#program;
  }

  /** The function `call` invokes, when the checker resolves it to one in the program. */
  resolveCall(call: CallExpression): FunctionInfo | undefined {
    let callee: Node = call.getExpression();
    while (Node.isParenthesizedExpression(callee) || Node.isNonNullExpression(callee)) callee = callee.getExpression();
    // `ns.f()` only on a module's namespace: a worker proxy's `w.f()` has `f`'s declaration too.
    const target = Node.isPropertyAccessExpression(callee) ? (isModuleNamespace(callee.getExpression()) ? callee.getNameNode() : undefined) : Node.isIdentifier(callee) ? callee : undefined;
    if (!target) return undefined;
    let symbol = target.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    for (const declaration of symbol?.getDeclarations() ?? []) {
      const fn = functionOfDeclaration(declaration);
      if (fn) return this.infoOf(fn);
    }
    return undefined;
  }

  /** The info of a function node of a program file, if the detector saw it. */
  infoOf(node: FunctionLike): FunctionInfo | undefined {
    const known = this.#infos.get(node);
    if (known !== undefined) return known ?? undefined;
    const file = this.#program.files.get(path.resolve(node.getSourceFile().getFilePath()));
    const estree = file?.index.functionOf(node);
    let info: FunctionInfo | null = null;
    if (file && estree) {
      const variable = Node.isFunctionDeclaration(node) ? undefined : variableOf(node);
      const nameNode = Node.isFunctionDeclaration(node) ? node.getNameNode() : variable && Node.isIdentifier(variable.getNameNode()) ? (variable.getNameNode() as Identifier) : undefined;
      info = {
        key: `${file.path}#${node.getStart()}`,
        name: nameNode?.getText() ?? (Node.isFunctionDeclaration(node) && node.hasModifier(SyntaxKind.DefaultKeyword) ? 'default' : 'an anonymous function'),
        node,
        file,
        estree,
        nameNode,
        declaration: variable ?? node,
        isAsync: node.isAsync(),
        isGenerator: Node.isArrowFunction(node) ? false : node.isGenerator(),
      };
    }
    this.#infos.set(node, info);
    return info ?? undefined;
  }

  /** The program function of a detector function node, by file and offset. */
  infoOfEstree(file: ProgramFile, fn: FunctionNode): FunctionInfo | undefined {
    const node = file.sourceFile.getDescendantAtPos(fn.range[0]);
    for (let current: Node | undefined = node; current; current = current.getParent()) {
      if ((Node.isFunctionDeclaration(current) || Node.isArrowFunction(current) || Node.isFunctionExpression(current)) && file.index.functionOf(current) === fn) {
        return this.infoOf(current);
      }
      if (current.getStart() < fn.range[0] && !Node.isFunctionDeclaration(current)) break;
    }
    return undefined;
  }
}

/** `ns` of `import * as ns`, `import ns = require(…)`, `const ns = require(…)` or `const ns = await import(…)`. */
function isModuleNamespace(node: Node): boolean {
  if (!Node.isIdentifier(node)) return false;
  return (node.getSymbol()?.getDeclarations() ?? []).some((declaration) => {
    if (Node.isNamespaceImport(declaration) || Node.isImportEqualsDeclaration(declaration)) return true;
    if (!Node.isVariableDeclaration(declaration)) return false;
    let init = declaration.getInitializer();
    if (init && Node.isAwaitExpression(init)) init = init.getExpression();
    if (!init || !Node.isCallExpression(init)) return false;
    const callee = init.getExpression();
    return callee.getText() === 'require' || callee.getKind() === SyntaxKind.ImportKeyword;
  });
}

/** The function a declaration stands for: `function f() {}` or `const f = () => …`. */
function functionOfDeclaration(node: Node): FunctionLike | undefined {
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    if (Node.isFunctionDeclaration(current)) return current.hasBody() ? current : undefined;
    if (Node.isVariableDeclaration(current)) {
      let init = current.getInitializer();
      while (init && (Node.isParenthesizedExpression(init) || Node.isAsExpression(init) || Node.isSatisfiesExpression(init))) init = init.getExpression();
      return init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init)) ? init : undefined;
    }
    if (Node.isIdentifier(current)) continue;
    return undefined;
  }
  return undefined;
}

/** The variable a function expression initialises, through parentheses. */
export function variableOf(node: FunctionLike): VariableDeclaration | undefined {
  let current: Node = node;
  let parent = current.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent))) {
    current = parent;
    parent = current.getParent();
  }
  return parent && Node.isVariableDeclaration(parent) && parent.getInitializer() === current ? parent : undefined;
}

/** Why the codemod cannot make `info` async itself, or undefined when it can. */
export function conversionBlocker(info: FunctionInfo): string | undefined {
  const { node, name } = info;
  if (info.isGenerator) return `\`${name}\` is a generator`;
  if (!info.nameNode) return `\`${name}\` has no name its callers can be found by`;
  if (Node.isFunctionDeclaration(node)) {
    if (node.getOverloads().length > 0) return `\`${name}\` has overload signatures`;
    return undefined;
  }
  const variable = variableOf(node);
  if (!variable) return `\`${name}\` is not a function declaration or a \`const\` function`;
  if (variable.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return `\`${name}\` is not \`const\`, so another function may be assigned to it`;
  if (variable.getTypeNode()) return `\`${name}\`'s variable declares a function type, which would still say it returns a plain value`;
  return undefined;
}

