// What the main thread knows about a function it sends to workers: a small
// numeric id, and the definition a worker needs the first time it sees the id
// (the source text, or a module URL and export name). After that first time,
// a task carries only the id, so a worker compiles or imports each callable
// once and the hot path sends no source text.

import { captureCallSite, type CallSite } from './call-site.js';
import { FunctionNotPortableError, InvalidArgumentError } from './errors.js';
import { DEF_EXPORT, DEF_SOURCE, type Definition } from './protocol.js';

export interface Callable {
  readonly id: number;
  readonly definition: Definition;
  /** How errors name it: "`resize`" or "`resize` from file:///…/images.js". */
  readonly label: string;
  /** For a function sent as source: the call that first sent it, for the errors its compiling can raise. */
  readonly origin?: CallSite;
}

/** Set on the functions a `workerModule` proxy hands out, so `submit` runs them by URL and export name. */
export const MODULE_EXPORT = Symbol('@unblock/runtime.moduleExport');
export interface ModuleExportRef {
  readonly url: string;
  readonly exportName: string;
}

let nextId = 1;
const byFunction = new WeakMap<object, Callable>();
// Two function objects with one source (an inline arrow created per call) share an id. The map is
// bounded, least recently used first out, so a program that builds ever new sources cannot grow it
// without end; a function object keeps its callable through `byFunction` either way.
const MAX_SOURCES = 1024;
const bySource = new Map<string, Callable>();
const byExport = new Map<string, Callable>();

export function callableFor(fn: unknown): Callable {
  if (typeof fn !== 'function') {
    throw new InvalidArgumentError(`expected a function to run in a worker; received ${fn === null ? 'null' : typeof fn}`);
  }
  const known = byFunction.get(fn);
  if (known !== undefined) return known;
  const ref = (fn as { [MODULE_EXPORT]?: ModuleExportRef })[MODULE_EXPORT];
  const callable = ref !== undefined ? exportCallable(ref) : sourceCallable(fn as (...args: never[]) => unknown);
  byFunction.set(fn, callable);
  return callable;
}

function exportCallable(ref: ModuleExportRef): Callable {
  const key = `${ref.url}#${ref.exportName}`;
  let callable = byExport.get(key);
  if (callable === undefined) {
    callable = { id: nextId++, definition: [DEF_EXPORT, ref.url, ref.exportName], label: `\`${ref.exportName}\` from ${ref.url}` };
    byExport.set(key, callable);
  }
  return callable;
}

function sourceCallable(fn: (...args: never[]) => unknown): Callable {
  const source = Function.prototype.toString.call(fn);
  const name = fn.name;
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new FunctionNotPortableError(
      `\`${name || 'the function'}\` is a built-in or bound function: it has no source that a worker could compile; ` +
        'wrap the call in an arrow function that receives what it needs as arguments',
    );
  }
  if (/^class[\s{]/.test(source)) {
    throw new FunctionNotPortableError(`\`${name || 'the class'}\` is a class; offload a function that creates and uses it instead`);
  }
  let callable = bySource.get(source);
  if (callable === undefined) {
    callable = { id: nextId++, definition: [DEF_SOURCE, source, name], label: `\`${name || 'anonymous function'}\``, origin: captureCallSite() };
  } else {
    bySource.delete(source); // re-inserted below as the most recently used
  }
  bySource.set(source, callable);
  if (bySource.size > MAX_SOURCES) bySource.delete(bySource.keys().next().value!);
  return callable;
}
