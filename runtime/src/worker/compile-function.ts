// Rebuilds an offloaded function from its source inside a worker.
//
// `new Function` is used on purpose rather than `vm.compileFunction`: both
// compile a string, but only `new Function` honours
// --disallow-code-generation-from-strings, and a process started with that
// flag has asked for no string compilation at all.

import { CodeGenerationDisallowedError, FreeVariableError, FunctionNotPortableError } from '../errors.js';

/** Prefix of the sourceURL given to offloaded functions; stack frames show it. */
export const OFFLOAD_SOURCE_URL = 'unblock-offload:';

// esbuild's keepNames (used by tsx) wraps named inner functions in `__name(fn, "n")`
// and defines `__name` at the top of the original module, which the worker never sees.
const keepNamesShim = (fn: unknown, name: string): unknown => {
  if (typeof fn === 'function') Object.defineProperty(fn, 'name', { value: name, configurable: true });
  return fn;
};

type Body = (nameShim: typeof keepNamesShim) => unknown;

function compileBody(body: string): unknown {
  // Strict, as the module the function came from almost surely was (ES modules and classes are):
  // in sloppy mode an assignment to a name the worker lacks would create a global, not throw.
  // Compiling source in the worker is this module's whole job; see the header.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('__name', `'use strict';\n${body}`) as Body;
  return run(keepNamesShim);
}

export function compileFunction(source: string, name: string): (...args: unknown[]) => unknown {
  const url = `${OFFLOAD_SOURCE_URL}${name === '' ? 'anonymous' : name}`;
  // A trailing newline keeps a final `// comment` in the source from swallowing the `)`.
  const asExpression = `return (${source}\n);\n//# sourceURL=${url}`;
  let compiled: unknown;
  try {
    compiled = compileBody(asExpression);
  } catch (error) {
    if (error instanceof EvalError) throw new CodeGenerationDisallowedError(error);
    compiled = compileMethod(source, url, name, error);
  }
  if (typeof compiled !== 'function') {
    throw new FunctionNotPortableError(`the source of \`${name}\` did not evaluate to a function in the worker`);
  }
  return compiled as (...args: unknown[]) => unknown;
}

// Object-literal and class methods stringify as `name(a) { … }`, which is only
// valid inside an object literal.
function compileMethod(source: string, url: string, name: string, firstError: unknown): unknown {
  try {
    const holder = compileBody(`return ({ ${source}\n });\n//# sourceURL=${url}`) as object;
    const [descriptor] = Object.values(Object.getOwnPropertyDescriptors(holder));
    return descriptor?.value;
  } catch {
    const reason = firstError instanceof Error ? firstError.message : String(firstError);
    throw new FunctionNotPortableError(`the source of \`${name || 'the function'}\` cannot be compiled in a worker: ${reason}`);
  }
}

/**
 * A ReferenceError thrown from the offloaded function's own code for a name it
 * does not declare means it closed over a variable of its original scope.
 */
export function explainReferenceError(error: unknown): unknown {
  if (!(error instanceof ReferenceError)) return error;
  const match = /^(\S+) is not defined$/.exec(error.message);
  if (match === null || match[1] === undefined) return error;
  const topFrame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '));
  if (topFrame === undefined || !topFrame.includes(OFFLOAD_SOURCE_URL)) return error;
  const explained = new FreeVariableError(match[1], error);
  explained.stack = `${explained.name}: ${explained.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  return explained;
}
