// What is at a stack frame's position in the source: the enclosing function,
// the call V8 points at, and whether the code runs while the module loads or
// in a lifecycle callback (both start-up, not serving).

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import ts from 'typescript';

import { LIFECYCLE_EVENTS } from '../../analysis/startup.js';
import { importedNames, resolveCallee, type ImportedName } from './imports.js';

export interface SourcePlace {
  /** How to name the enclosing function: `hashPassword`, `callback of router.get('/users/:id')`; undefined at top level. */
  readonly function?: string;
  /** True when no function encloses the position: the code runs while its module is evaluated. */
  readonly topLevel: boolean;
  /** True inside a callback of `server.listen(…)`, `.on('listening', …)` and the like. */
  readonly lifecycle: boolean;
  /** The call V8 points at (the innermost call whose callee name starts at the position). */
  readonly callee?: { readonly text: string; readonly imported?: ImportedName };
  /** The source line, trimmed. */
  readonly lineText: string;
}

/** Callee names whose callback runs once, at start-up or shutdown. */
const LIFECYCLE_METHODS = new Set(['listen', 'ready', 'onReady', 'onListen', 'onClose', 'bootstrap']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

type CallLike = ts.CallExpression | ts.NewExpression;

function scriptKind(file: string): ts.ScriptKind {
  switch (path.extname(file)) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

function isFunction(node: ts.Node): node is ts.SignatureDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** Where V8 puts a call in a stack trace: the property name of `a.b()`, the callee of `f()`, `new` of `new C()`. */
function callAnchor(call: CallLike, source: ts.SourceFile): number {
  if (ts.isNewExpression(call)) return call.getStart(source);
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.getStart(source);
  return callee.getStart(source);
}

const truncate = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

function className(node: ts.Node): string | undefined {
  const owner = node.parent;
  return owner && (ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) ? owner.name?.text : undefined;
}

function memberName(name: ts.PropertyName, source: ts.SourceFile): string {
  return ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : name.getText(source);
}

function describeFunction(fn: ts.Node, source: ts.SourceFile): string {
  if (ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) {
    const owner = className(fn);
    return `${owner ? `${owner}.` : ''}${memberName(fn.name, source)}`;
  }
  if (ts.isConstructorDeclaration(fn)) return `${className(fn) ?? 'class'} constructor`;
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return memberName(parent.name, source);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return truncate(parent.left.getText(source), 40);
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(fn as ts.Expression)) {
    const [first] = parent.arguments;
    const label = first && ts.isStringLiteralLike(first) ? `'${truncate(first.text, 40)}'` : '';
    return `callback of ${truncate(parent.expression.getText(source), 40)}(${label})`;
  }
  return '<anonymous>';
}

/** A callback that runs once while the service starts or stops. */
function isLifecycleCallback(fn: ts.Node): boolean {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (name === undefined) return false;
  if (LIFECYCLE_METHODS.has(name)) return true;
  const [event] = call.arguments;
  return LISTENER_METHODS.has(name) && event !== undefined && ts.isStringLiteralLike(event) && LIFECYCLE_EVENTS.has(event.text);
}

/** Parses files on demand, once each, and answers questions about positions in them. */
export class SourceIndex {
  private readonly files = new Map<string, Promise<{ source: ts.SourceFile; names: Map<string, ImportedName> } | undefined>>();

  private parsed(file: string) {
    let entry = this.files.get(file);
    if (!entry) {
      entry = readFile(file, 'utf8').then(
        (text) => {
          const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
          return { source, names: importedNames(source) };
        },
        () => undefined,
      );
      this.files.set(file, entry);
    }
    return entry;
  }

  /** What is at `line:column` (1-based) of `file`; undefined when the file cannot be read or is shorter. */
  async place(file: string, line: number, column: number): Promise<SourcePlace | undefined> {
    const parsed = await this.parsed(file);
    if (!parsed) return undefined;
    const { source, names } = parsed;
    const starts = source.getLineStarts();
    if (line < 1 || line > starts.length) return undefined;
    const lineEnd = line < starts.length ? starts[line]! : source.text.length;
    const position = Math.min(starts[line - 1]! + column - 1, lineEnd);

    let fn: ts.Node | undefined;
    let inFieldInitializer = false;
    const calls: CallLike[] = [];
    const visit = (node: ts.Node): void => {
      if (isFunction(node)) fn = node;
      if (ts.isPropertyDeclaration(node) && !node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) inFieldInitializer = true;
      if (ts.isClassStaticBlockDeclaration(node)) fn = undefined;
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
      node.forEachChild((child) => {
        if (child.getStart(source) <= position && position < child.end) visit(child);
      });
    };
    visit(source);

    const call = [...calls].reverse().find((candidate) => callAnchor(candidate, source) === position) ?? calls.at(-1);
    const callee = call?.expression;
    const imported = callee && resolveCallee(callee, names);
    const topLevel = fn === undefined && !inFieldInitializer;
    return {
      ...(fn ? { function: describeFunction(fn, source) } : {}),
      topLevel,
      lifecycle: fn !== undefined && isLifecycleCallback(fn),
      ...(callee ? { callee: { text: truncate(callee.getText(source), 60), ...(imported ? { imported } : {}) } } : {}),
      lineText: source.text.slice(starts[line - 1], lineEnd).trim(),
    };
  }
}
