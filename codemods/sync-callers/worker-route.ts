// Route (a): a helper that must stay sync for its sync callers runs in a
// worker for its async ones, through @unblock/runtime's `workerModule`, which
// imports the helper's module in a worker thread by URL and calls the export
// by name. That needs an ES module on both sides (`import.meta.url`), an
// export, a module that does nothing but declare things as it loads, and
// arguments and a result that structured clone copies faithfully.

import path from 'node:path';

import { Node, SyntaxKind, ts, type CallExpression, type ImportDeclaration, type SourceFile } from 'ts-morph';

import { RUNTIME_MODULES } from '../../analysis/runtime-api.js';
import { detectStyle } from '../engine/file-style.js';
import { declaresRuntimeDependency } from '../engine/package-manifest.js';
import { cloneProblem } from './cloneable.js';
import type { FunctionInfo } from './functions.js';
import type { ProgramFile } from './program.js';
import type { PublicApi } from './public-api.js';
import { readsRequestData, returnsCatalogBytes, usesShowCloneable } from './value-evidence.js';

export type Route<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface WorkerCall {
  /** The module specifier the caller imports the helper by: the worker imports the same URL. */
  readonly specifier: string;
  readonly exportName: string;
  /** Whether to write `workerModule<typeof import(…)>`. */
  readonly typed: boolean;
}

const refuse = <T>(reason: string): Route<T> => ({ ok: false, reason });
const [RUNTIME_MODULE] = RUNTIME_MODULES;
const RUNNABLE_EXTENSION = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/;

export class WorkerRoutes {
  readonly #checker: ts.TypeChecker;
  readonly #publicApi: PublicApi;
  readonly #root: string;
  readonly #functions = new Map<FunctionInfo, Route<readonly string[]>>();

  constructor(checker: ts.TypeChecker, publicApi: PublicApi, root: string) {
    this.#checker = checker;
    this.#publicApi = publicApi;
    this.#root = root;
  }

  /** Whether `info` itself can run in a worker; the names its module exports it by. */
  forFunction(info: FunctionInfo): Route<readonly string[]> {
    const known = this.#functions.get(info);
    if (known) return known;
    const route = this.#check(info);
    this.#functions.set(info, route);
    return route;
  }

  #check(info: FunctionInfo): Route<readonly string[]> {
    const file = info.file;
    const relative = this.#relative(file.path);
    if (!this.isEsm(file)) return refuse(`${relative} is not an ES module, which a worker imports it as`);
    const names: string[] = [];
    for (const [name, declarations] of file.sourceFile.getExportedDeclarations()) {
      if (declarations.some((declaration) => declaration === info.declaration || declaration === info.node)) names.push(name);
    }
    if (names.length === 0) return refuse(`\`${info.name}\` is not exported, and a worker can only call a module's exports`);
    const effect = topLevelEffect(file.sourceFile);
    if (effect !== undefined) return refuse(`${relative} runs code as it loads (line ${effect}), which each worker would run again`);
    if (!Node.isArrowFunction(info.node) && usesThis(info.node)) return refuse(`\`${info.name}\` uses \`this\`, which a worker call does not pass`);
    const signature = this.#checker.getSignatureFromDeclaration(info.node.compilerNode);
    if (!signature) return refuse(`the checker cannot tell what \`${info.name}\` returns`);
    const returnType = this.#checker.getReturnTypeOfSignature(signature);
    const result = cloneProblem(returnType, this.#checker);
    if (result && !(isUnknown(returnType) && returnsCatalogBytes(info))) return refuse(`what \`${info.name}\` returns ${result}`);
    return { ok: true, value: names };
  }

  /** Whether the call `tsCall` in `file` can become `await <worker>.<name>(…)`. */
  forCall(info: FunctionInfo, file: ProgramFile, tsCall: CallExpression): Route<WorkerCall> {
    if (!this.isEsm(file)) return refuse(`${this.#relative(file.path)} is CommonJS, where \`workerModule\` has no \`import.meta.url\` to find the module by`);
    const own = this.forFunction(info);
    if (!own.ok) return own;
    if (file === info.file) return refuse(`it is called from its own module; move \`${info.name}\` to a module of its own for a worker to load it`);
    if (tsCall.hasQuestionDotToken()) return refuse('it is an optional call');
    const imported = importOf(tsCall);
    if (!imported) return refuse(`the call does not name an import of \`${info.name}\`, which the worker needs to load its module`);
    if (imported.declaration.isTypeOnly()) return refuse('it is imported as a type');
    if (imported.declaration.getModuleSpecifierSourceFile() !== info.file.sourceFile) {
      return refuse(`it is imported through ${imported.declaration.getModuleSpecifierValue()}, not from its own module, which is what the worker would load`);
    }
    const specifier = imported.declaration.getModuleSpecifierValue();
    if (!/^\.\.?\//.test(specifier) || !RUNNABLE_EXTENSION.test(specifier)) {
      return refuse(`it is imported as '${specifier}', without the file extension a worker needs to load the module by URL`);
    }
    if (!own.value.includes(imported.exportName)) return refuse(`its module does not export it as \`${imported.exportName}\``);
    const signature = this.#checker.getResolvedSignature(tsCall.compilerNode);
    const parameters = signature?.getParameters() ?? [];
    for (const [index, argument] of tsCall.getArguments().entries()) {
      if (Node.isSpreadElement(argument)) return refuse('it spreads its arguments, which the codemod does not check');
      let type = this.#checker.getTypeAtLocation(argument.compilerNode);
      const parameter = parameters[Math.min(index, parameters.length - 1)];
      if (type.flags & ts.TypeFlags.Any && parameter) type = this.#checker.getTypeOfSymbolAtLocation(parameter, tsCall.compilerNode);
      const problem = cloneProblem(type, this.#checker);
      const text = argument.getText();
      if (problem && isUnknown(type) && (readsRequestData(argument, file) || usesShowCloneable(info, index, this.#checker))) continue;
      if (problem) return refuse(`argument ${index + 1} (\`${text.length <= 30 ? text : `${text.slice(0, 27)}...`}\`) ${problem}`);
    }
    // Asked last, so that a call that could never run in a worker says why, not this.
    // The rewrite imports the runtime: without it installed the program would not even start.
    if (!declaresRuntimeDependency(path.dirname(file.path), RUNTIME_MODULE)) {
      return refuse(`\`workerModule\` comes from ${RUNTIME_MODULE}, which package.json does not list in its dependencies; install it (\`npm install ${RUNTIME_MODULE}\`) and run unblock fix again`);
    }
    return { ok: true, value: { specifier, exportName: imported.exportName, typed: /\.[cm]?tsx?$/.test(file.path) } };
  }

  /** True when Node (or TypeScript's output) runs the file as an ES module, where `import.meta.url` exists. */
  isEsm(file: ProgramFile): boolean {
    if (/\.m[jt]s$/.test(file.path)) return true;
    if (/\.c[jt]s$/.test(file.path)) return false;
    if (detectStyle(file.view.sourceCode, file.path).moduleSystem === 'commonjs') return false;
    if (this.#publicApi.moduleType(path.dirname(file.path)) === 'module') return true;
    if (/\.tsx?$/.test(file.path)) {
      const module = file.sourceFile.getProject().getCompilerOptions().module;
      return module !== undefined && module >= ts.ModuleKind.ES2015 && module <= ts.ModuleKind.ESNext;
    }
    return false;
  }

  #relative(file: string): string {
    return path.relative(this.#root, file) || path.basename(file);
  }
}

/** JavaScript's `any` (or `unknown`): the checker says nothing, so what the code does is asked instead. */
function isUnknown(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** The import a call's callee comes from: `f()` of `import { f }` or `import f`, or `ns.f()` of `import * as ns`. */
function importOf(call: CallExpression): { declaration: ImportDeclaration; exportName: string } | undefined {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) {
    for (const declaration of callee.getSymbol()?.getDeclarations() ?? []) {
      if (Node.isImportSpecifier(declaration)) return { declaration: declaration.getImportDeclaration(), exportName: declaration.getNameNode().getText() };
      if (Node.isImportClause(declaration)) {
        const parent = declaration.getParent();
        if (Node.isImportDeclaration(parent)) return { declaration: parent, exportName: 'default' };
      }
    }
    return undefined;
  }
  if (Node.isPropertyAccessExpression(callee)) {
    const object = callee.getExpression();
    if (!Node.isIdentifier(object)) return undefined;
    for (const declaration of object.getSymbol()?.getDeclarations() ?? []) {
      if (Node.isNamespaceImport(declaration)) {
        const importDeclaration = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
        if (importDeclaration) return { declaration: importDeclaration, exportName: callee.getName() };
      }
    }
  }
  return undefined;
}

/** The line of the first top-level statement that does more than declare, or undefined. */
export function topLevelEffect(sourceFile: SourceFile): number | undefined {
  for (const statement of sourceFile.getStatements()) {
    if (
      Node.isImportDeclaration(statement) ||
      Node.isImportEqualsDeclaration(statement) ||
      Node.isExportDeclaration(statement) ||
      Node.isFunctionDeclaration(statement) ||
      Node.isClassDeclaration(statement) ||
      Node.isInterfaceDeclaration(statement) ||
      Node.isTypeAliasDeclaration(statement) ||
      Node.isEnumDeclaration(statement) ||
      Node.isModuleDeclaration(statement) ||
      Node.isVariableStatement(statement) ||
      Node.isEmptyStatement(statement)
    ) {
      continue;
    }
    if (Node.isExportAssignment(statement)) {
      const value = statement.getExpression();
      if (Node.isIdentifier(value) || Node.isFunctionExpression(value) || Node.isArrowFunction(value) || Node.isClassExpression(value) || Node.isLiteralExpression(value) || Node.isObjectLiteralExpression(value)) continue;
    }
    if (Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression())) continue;
    return statement.getStartLineNumber();
  }
  return undefined;
}

function usesThis(fn: Node): boolean {
  let found = false;
  fn.forEachDescendant((node, traversal) => {
    if (Node.isThisExpression(node)) {
      found = true;
      traversal.stop();
    } else if (Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      traversal.skip();
    }
  });
  return found;
}
