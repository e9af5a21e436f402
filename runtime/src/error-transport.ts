// Errors crossing the thread boundary. Structured clone keeps only the message,
// the stack and a few built-in classes: a custom class becomes a plain `Error`
// and own properties such as `code` vanish. So the worker describes the error
// as data and the main thread rebuilds an object with the same constructor
// name, `name`, message, stack, own properties, `cause` and `errors`.

import { types } from 'node:util';
import * as runtimeErrors from './errors.js';

const MAX_DEPTH = 8;

export interface SerializedError {
  readonly $unblockError: 1;
  /** `err.name`, which may differ from the constructor's name. */
  readonly name: string;
  readonly ctor: string;
  /** The nearest built-in ancestor, so `instanceof TypeError` still holds for subclasses. */
  readonly base: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly props: ReadonlyArray<readonly [key: string, value: unknown, enumerable: boolean]>;
  readonly hasCause: boolean;
  readonly cause: unknown;
  readonly errors: readonly unknown[] | undefined;
}

/** A thrown value that is not an Error but clones fine (`throw { status: 404 }`). */
export interface ThrownValue {
  readonly $unblockThrown: 1;
  readonly value: unknown;
}

const builtins: Record<string, new (message?: string) => Error> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError: AggregateError as unknown as new (message?: string) => Error,
};

// The runtime's own classes come back as themselves, so `instanceof FreeVariableError` works.
const ownClasses = new Map<string, new (...args: never[]) => Error>();
for (const value of Object.values(runtimeErrors)) {
  if (typeof value === 'function' && value.prototype instanceof Error) {
    ownClasses.set(value.name, value);
  }
}

export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}

/** Worker side: turn whatever a task threw into something postMessage accepts. */
export function encodeThrown(thrown: unknown): SerializedError | ThrownValue {
  if (isError(thrown)) return serializeError(thrown, 0);
  if (isCloneable(thrown)) return { $unblockThrown: 1, value: thrown };
  return serializeError(
    new runtimeErrors.ThrownValueNotCloneableError(
      `the task threw ${typeof thrown === 'function' ? 'a function' : String(thrown)}, which cannot be sent to the main thread; throw an Error instead`,
    ),
    0,
  );
}

/** Main thread side: the value the task's promise rejects with. */
export function decodeThrown(encoded: unknown): unknown {
  if (isSerializedError(encoded)) return reviveError(encoded, 0);
  if (typeof encoded === 'object' && encoded !== null && '$unblockThrown' in encoded) {
    return (encoded as ThrownValue).value;
  }
  return encoded;
}

function serializeError(error: Error, depth: number): SerializedError {
  const props: Array<readonly [string, unknown, boolean]> = [];
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === 'stack' || key === 'message' || key === 'cause' || key === 'errors') continue;
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    props.push([key, portable(descriptor.value, depth), descriptor.enumerable === true]);
  }
  const hasCause = Object.prototype.hasOwnProperty.call(error, 'cause');
  const errors = (error as { errors?: unknown }).errors;
  return {
    $unblockError: 1,
    name: safeString(error.name, 'Error'),
    ctor: constructorName(error),
    base: builtinBase(error),
    message: safeString(error.message, ''),
    stack: typeof error.stack === 'string' ? error.stack : undefined,
    props,
    hasCause,
    cause: hasCause ? portable(error.cause, depth) : undefined,
    errors: Array.isArray(errors) ? errors.map((item) => portable(item, depth)) : undefined,
  };
}

function portable(value: unknown, depth: number): unknown {
  if (isError(value)) {
    return depth < MAX_DEPTH ? serializeError(value, depth + 1) : `${value.name}: ${value.message}`;
  }
  return isCloneable(value) ? value : `[not cloneable: ${Object.prototype.toString.call(value)}]`;
}

function isCloneable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (typeof value !== 'object' || value === null) return true;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function constructorName(error: Error): string {
  const ctor: unknown = (error as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'Error';
}

function builtinBase(error: Error): string {
  for (let proto: unknown = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const ctor: unknown = (proto as { constructor?: unknown }).constructor;
    if (typeof ctor === 'function' && builtins[ctor.name] === ctor) return ctor.name;
  }
  return 'Error';
}

function safeString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

export function isSerializedError(value: unknown): value is SerializedError {
  return typeof value === 'object' && value !== null && (value as { $unblockError?: unknown }).$unblockError === 1;
}

const dynamicClasses = new Map<string, new (message?: string) => Error>();

// A class with the worker-side constructor's name, so `err.constructor.name`
// and util.inspect show `NotFoundError`, not `Error`.
function classFor(serialized: SerializedError): { prototype: Error } {
  const own = ownClasses.get(serialized.ctor);
  if (own !== undefined) return own;
  const builtin = builtins[serialized.ctor];
  if (builtin !== undefined) return builtin;
  const key = `${serialized.ctor}\0${serialized.base}`;
  let cls = dynamicClasses.get(key);
  if (cls === undefined) {
    const Base = builtins[serialized.base] ?? Error;
    const named = class extends Base {};
    Object.defineProperty(named, 'name', { value: serialized.ctor, configurable: true });
    dynamicClasses.set(key, named);
    cls = named;
  }
  return cls;
}

function reviveError(serialized: SerializedError, depth: number): Error {
  const error: Error =
    serialized.ctor === 'DOMException'
      ? new DOMException(serialized.message, serialized.name)
      : (Object.create(classFor(serialized).prototype) as Error);
  const hidden = (value: unknown): PropertyDescriptor => ({ value, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(error, 'message', hidden(serialized.message));
  Object.defineProperty(error, 'stack', hidden(serialized.stack));
  if (serialized.hasCause) Object.defineProperty(error, 'cause', hidden(revive(serialized.cause, depth)));
  if (serialized.errors !== undefined) {
    Object.defineProperty(error, 'errors', hidden(serialized.errors.map((item) => revive(item, depth))));
  }
  for (const [key, value, enumerable] of serialized.props) {
    Object.defineProperty(error, key, { value: revive(value, depth), writable: true, configurable: true, enumerable });
  }
  if (error.name !== serialized.name) Object.defineProperty(error, 'name', hidden(serialized.name));
  return error;
}

function revive(value: unknown, depth: number): unknown {
  return isSerializedError(value) && depth < MAX_DEPTH ? reviveError(value, depth + 1) : value;
}
