// Whether a value of a type survives the trip to a worker and back: the
// structured clone algorithm copies primitives, plain objects and arrays,
// Date, RegExp, Map, Set, ArrayBuffers and typed arrays, and errors; it
// rejects functions and symbols, and a class instance arrives as a plain
// object without its methods. @unblock/runtime carries a Buffer as a Buffer
// wherever it sits (docs/runtime.md has the table this follows).

import { ts } from 'ts-morph';

const CLONEABLE_BUILTINS = new Set([
  'Buffer',
  'Date',
  'RegExp',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Blob',
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
]);
const COLLECTIONS = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet']);
const NOT_CLONEABLE = new Map([
  ['Promise', 'a promise'],
  ['PromiseLike', 'a promise'],
  ['WeakMap', 'a WeakMap'],
  ['WeakSet', 'a WeakSet'],
  ['WeakRef', 'a WeakRef'],
  ['Function', 'a function'],
]);
const MAX_DEPTH = 8;

/**
 * Why a value of `type` cannot be copied to a worker, as the end of a sentence about the value
 * ("is a function, which structured clone cannot copy"), or undefined when it can. `any` and
 * `unknown` are refused: nothing says what they hold.
 */
export function cloneProblem(type: ts.Type, checker: ts.TypeChecker): string | undefined {
  const found = problem(type, checker, new Set(), 0);
  if (found === undefined) return undefined;
  return UNKNOWN.test(found) ? `is ${found}, so nothing shows it can be copied to a worker` : `is ${found}, which structured clone cannot copy faithfully`;
}

const UNKNOWN = /^a value (?:of type|of the type parameter|nested too deeply)/;

function problem(type: ts.Type, checker: ts.TypeChecker, seen: Set<ts.Type>, depth: number): string | undefined {
  if (seen.has(type)) return undefined;
  if (depth > MAX_DEPTH) return 'a value nested too deeply to check';
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return `a value of type \`${checker.typeToString(type)}\``;
  if (flags & ts.TypeFlags.ESSymbolLike) return 'a symbol';
  if (flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.EnumLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Never)) {
    return undefined;
  }
  if (flags & ts.TypeFlags.NonPrimitive) return 'a value of type `object`';
  if (type.isUnionOrIntersection()) {
    for (const member of type.types) {
      const found = problem(member, checker, seen, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? problem(constraint, checker, seen, depth + 1) : `a value of the type parameter \`${checker.typeToString(type)}\``;
  }
  if (!(flags & ts.TypeFlags.Object)) return `a value of type \`${checker.typeToString(type)}\``;
  seen.add(type);
  try {
    return objectProblem(type as ts.ObjectType, checker, seen, depth);
  } finally {
    seen.delete(type);
  }
}

function objectProblem(type: ts.ObjectType, checker: ts.TypeChecker, seen: Set<ts.Type>, depth: number): string | undefined {
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return 'a function';
  const arguments_ = (): readonly ts.Type[] => (isReference(type) ? checker.getTypeArguments(type) : []);
  if (checker.isArrayType(type) || checker.isTupleType(type)) return first(arguments_(), (element) => problem(element, checker, seen, depth + 1));
  for (const name of libraryNames(type)) {
    const refused = NOT_CLONEABLE.get(name);
    if (refused) return refused;
    if (CLONEABLE_BUILTINS.has(name)) return undefined;
    if (COLLECTIONS.has(name)) return first(arguments_(), (element) => problem(element, checker, seen, depth + 1));
  }
  const symbol = type.getSymbol();
  if (symbol && symbol.flags & ts.SymbolFlags.Class) return `an instance of class \`${symbol.getName()}\` (a copy loses its prototype and methods)`;
  if (symbol?.getDeclarations()?.some((declaration) => declaration.getSourceFile().isDeclarationFile) && !isPlainShape(symbol)) {
    return `a \`${checker.typeToString(type)}\`, which structured clone may not copy as it is`;
  }
  if (checker.getPropertyOfType(type, 'then')) return 'a promise-like value (it has `then`)';
  for (const property of checker.getPropertiesOfType(type)) {
    if (property.flags & ts.SymbolFlags.Method) return `an object with a method (\`${property.getName()}\`)`;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getTypeOfSymbol(property);
    const found = problem(propertyType, checker, seen, depth + 1);
    if (found) return `${found} (in \`${property.getName()}\`)`;
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    const found = problem(info.type, checker, seen, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function first<T>(items: readonly T[], check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const found = check(item);
    if (found) return found;
  }
  return undefined;
}

function isReference(type: ts.ObjectType): type is ts.TypeReference {
  return (type.objectFlags & ts.ObjectFlags.Reference) !== 0;
}

/**
 * The names a library (lib.*.d.ts or @types) gives the type, where its names then mean the
 * built-ins: its own first, then its alias's. @types/node's APIs return `NonSharedBuffer`, an alias
 * of `Buffer`; a program's own `type Bytes = Buffer` is still a `Buffer`.
 */
function libraryNames(type: ts.Type): string[] {
  return [type.getSymbol(), type.aliasSymbol].flatMap((symbol) => (symbol !== undefined && declaredByLibrary(symbol) ? [symbol.getName()] : []));
}

function declaredByLibrary(symbol: ts.Symbol): boolean {
  const declarations = symbol.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** An interface or type literal from a declaration file: plain data when all its members are. */
function isPlainShape(symbol: ts.Symbol): boolean {
  return (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral)) !== 0;
}
