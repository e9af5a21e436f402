// What is at a stack frame's position in the source: the enclosing function,
// the call V8 points at, and whether the code runs while the module loads or
// in a lifecycle callback (both start-up, not serving).

import { readFile } from 'node:fs/promises';

import { AST_NODE_TYPES, type TSESTree } from '../../analysis/estree.js';
import { propertyKeyName } from '../../analysis/ast.js';
import { exportPathOf, importBindings } from '../../analysis/import-bindings.js';
import { typescriptEstree } from '../../analysis/parser-options.js';
import { LIFECYCLE_EVENTS } from '../../analysis/startup.js';

/** The module export a name in a file stands for: a module and an export path, as the catalog names APIs. */
export interface ImportedName {
  /** The specifier as written: `node:fs`, `legacy-config`, `../lib/passwords.js`. */
  readonly module: string;
  /** Export path from the module's exports; empty for the module itself (a default or namespace import). */
  readonly path: readonly string[];
}

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

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;
type FunctionLike = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

interface Parsed {
  readonly program: TSESTree.Program;
  readonly text: string;
  readonly lineStarts: readonly number[];
  /** Local name → the module export it was imported or required as. */
  readonly names: ReadonlyMap<string, ImportedName>;
}

function isFunction(node: TSESTree.Node): node is FunctionLike {
  return node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** The child nodes of `node`, in source order. */
function children(node: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item !== null && typeof item === 'object' && 'type' in item && 'range' in item) found.push(item as TSESTree.Node);
    }
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** Where V8 puts a call in a stack trace: the property name of `a.b()`, the callee of `f()`, `new` of `new C()`. */
function callAnchor(call: CallLike): number {
  if (call.type === AST_NODE_TYPES.NewExpression) return call.range[0];
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) return callee.property.range[0];
  return callee.range[0];
}

const truncate = (text: string, length: number): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

const textOf = (node: TSESTree.Node, text: string): string => text.slice(node.range[0], node.range[1]);

/** `fs.promises.readFile` → `['fs', 'promises', 'readFile']`; undefined for anything but names and dotted names. */
function dottedName(expression: TSESTree.Node): string[] | undefined {
  if (expression.type === AST_NODE_TYPES.Identifier) return [expression.name];
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed && expression.property.type === AST_NODE_TYPES.Identifier) {
    const left = dottedName(expression.object);
    return left && [...left, expression.property.name];
  }
  if (expression.type === AST_NODE_TYPES.ChainExpression || expression.type === AST_NODE_TYPES.TSNonNullExpression) return dottedName(expression.expression);
  return undefined;
}

/** The module export a callee names (`fs.readFileSync` with `import fs from 'node:fs'`), when its root is imported. */
function resolveCallee(callee: TSESTree.Node, names: ReadonlyMap<string, ImportedName>): ImportedName | undefined {
  const dotted = dottedName(callee);
  if (!dotted) return undefined;
  const [root, ...rest] = dotted;
  const imported = names.get(root!);
  return imported && { module: imported.module, path: [...imported.path, ...rest] };
}

/** How a stack trace would name the function `fn`, whose ancestors (innermost last) are given. */
function describeFunction(fn: TSESTree.Node, ancestors: readonly TSESTree.Node[], text: string): string {
  const parent = ancestors.at(-1);
  const owner = ancestors.at(-3);
  const ownerName = owner && (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) ? owner.id?.name : undefined;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    if (parent.kind === 'constructor') return `${ownerName ?? 'class'} constructor`;
    return `${ownerName ? `${ownerName}.` : ''}${propertyKeyName(parent) ?? textOf(parent.key, text)}`;
  }
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  if (!parent) return '<anonymous>';
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) return propertyKeyName(parent) ?? textOf(parent.key, text);
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=') return truncate(textOf(parent.left, text), 40);
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const [first] = parent.arguments;
    const label = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? `'${truncate(first.value, 40)}'` : '';
    return `callback of ${truncate(textOf(parent.callee, text), 40)}(${label})`;
  }
  return '<anonymous>';
}

/** A callback that runs once while the service starts or stops. */
function isLifecycleCallback(fn: TSESTree.Node, parent: TSESTree.Node | undefined): boolean {
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = parent.callee;
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
      ? callee.property.name
      : callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : undefined;
  if (name === undefined) return false;
  if (LIFECYCLE_METHODS.has(name)) return true;
  const [event] = parent.arguments;
  return LISTENER_METHODS.has(name) && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && LIFECYCLE_EVENTS.has(event.value);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}

function parseSource(file: string, text: string): Parsed {
  const program = typescriptEstree().parse(text, { filePath: file, jsx: !/\.(?:ts|mts|cts)$/.test(file), loc: true, range: true, comment: false, tokens: false });
  const names = new Map<string, ImportedName>();
  for (const binding of importBindings(program)) if (!binding.typeOnly) names.set(binding.local, { module: binding.specifier, path: exportPathOf(binding) });
  return { program, text, lineStarts: lineStartsOf(text), names };
}

/** Parses files on demand, once each, and answers questions about positions in them. */
export class SourceIndex {
  private readonly files = new Map<string, Promise<Parsed | undefined>>();

  private parsed(file: string): Promise<Parsed | undefined> {
    let entry = this.files.get(file);
    if (!entry) {
      entry = readFile(file, 'utf8').then(
        (text) => {
          try {
            return parseSource(file, text);
          } catch {
            // A file that does not parse has no places to name: the trace shows the raw frame.
            return undefined;
          }
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
    const { program, text, lineStarts, names } = parsed;
    if (line < 1 || line > lineStarts.length) return undefined;
    const lineEnd = line < lineStarts.length ? lineStarts[line]! : text.length;
    const position = Math.min(lineStarts[line - 1]! + column - 1, lineEnd);

    let fn: { node: TSESTree.Node; ancestors: TSESTree.Node[] } | undefined;
    let inFieldInitializer = false;
    const calls: CallLike[] = [];
    const ancestors: TSESTree.Node[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (isFunction(node)) fn = { node, ancestors: [...ancestors] };
      if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.static) inFieldInitializer = true;
      if (node.type === AST_NODE_TYPES.StaticBlock) fn = undefined;
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
      ancestors.push(node);
      for (const child of children(node)) if (child.range[0] <= position && position < child.range[1]) visit(child);
      ancestors.pop();
    };
    visit(program);

    const call = [...calls].reverse().find((candidate) => callAnchor(candidate) === position) ?? calls.at(-1);
    const callee = call?.callee;
    const imported = callee && resolveCallee(callee, names);
    const topLevel = fn === undefined && !inFieldInitializer;
    return {
      ...(fn ? { function: describeFunction(fn.node, fn.ancestors, text) } : {}),
      topLevel,
      lifecycle: fn !== undefined && isLifecycleCallback(fn.node, fn.ancestors.at(-1)),
      ...(callee ? { callee: { text: truncate(textOf(callee, text), 60), ...(imported ? { imported } : {}) } } : {}),
      lineText: text.slice(lineStarts[line - 1], lineEnd).trim(),
    };
  }
}
