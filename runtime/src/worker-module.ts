// Python pickles a function by its module and name; this is the same idea.
// A workerModule proxy hands out functions that, when called, run the
// export of that name in a worker by importing the module there. No source
// text is sent and nothing is compiled from a string.

import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODULE_EXPORT, type ModuleExportRef } from './callable.js';
import { getDefaultExecutor } from './default-executor.js';
import { InvalidArgumentError, InvalidModuleUrlError } from './errors.js';
import type { ThreadPoolExecutor } from './executor.js';

type AnyFunction = (...args: never[]) => unknown;

/** The functions exported by module `M`, each returning a promise of its result. */
export type WorkerModule<M> = {
  readonly [K in keyof M as M[K] extends AnyFunction ? K : never]: M[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export interface WorkerModuleOptions {
  /** Where the calls run. Default: the default executor at the time of each call. */
  readonly executor?: ThreadPoolExecutor | undefined;
}

/**
 * `workerModule<typeof import('./images.js')>(new URL('./images.js', import.meta.url))`
 * returns an object whose functions run the module's exports in a worker.
 * Pass the returned functions to `executor.submit` to add a signal or a transferList.
 */
export function workerModule<M>(url: string | URL, options: WorkerModuleOptions = {}): WorkerModule<M> {
  const href = toFileHref(url);
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('workerModule options must be an object: { executor }');
  }
  const explicit = options.executor;
  const functions = new Map<string, AnyFunction>();
  return new Proxy(Object.create(null) as object, {
    get(_target, key) {
      // Symbols and `then` stay undefined, so `await proxy` and inspection behave.
      if (typeof key !== 'string' || key === 'then') return undefined;
      let fn = functions.get(key);
      if (fn === undefined) {
        const ref: ModuleExportRef = { url: href, exportName: key };
        const call = (...args: unknown[]): Promise<unknown> => (explicit ?? getDefaultExecutor()).submit(call, args);
        Object.defineProperty(call, 'name', { value: key });
        Object.defineProperty(call, MODULE_EXPORT, { value: ref });
        fn = call;
        functions.set(key, fn);
      }
      return fn;
    },
    has: (_target, key) => typeof key === 'string' && key !== 'then',
    set: () => false,
    deleteProperty: () => false,
  }) as WorkerModule<M>;
}

function toFileHref(url: unknown): string {
  if (url instanceof URL) {
    if (url.protocol !== 'file:') throw new InvalidModuleUrlError(url.href);
    return url.href;
  }
  if (typeof url !== 'string') throw new InvalidModuleUrlError(url);
  if (url.startsWith('file:')) {
    try {
      return new URL(url).href;
    } catch {
      throw new InvalidModuleUrlError(url);
    }
  }
  if (isAbsolute(url)) return pathToFileURL(url).href;
  throw new InvalidModuleUrlError(url);
}
