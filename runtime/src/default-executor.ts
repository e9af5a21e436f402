// The executor `offload` and `runInExecutor(undefined, …)` use. Created on
// first use, so importing the runtime starts no thread.

import { ThreadPoolExecutor } from './executor.js';
import { InvalidArgumentError } from './errors.js';

let current: ThreadPoolExecutor | undefined;

/** The default executor, created with default options on first call (and again if it was closed). */
export function getDefaultExecutor(): ThreadPoolExecutor {
  if (current === undefined || current.closed) current = new ThreadPoolExecutor({ name: 'unblock-default' });
  return current;
}

/**
 * Makes `executor` the default and returns the previous one (if any) so the
 * caller can close it; it is not closed here because tasks may still be running on it.
 */
export function setDefaultExecutor(executor: ThreadPoolExecutor): ThreadPoolExecutor | undefined {
  if (!(executor instanceof ThreadPoolExecutor)) {
    throw new InvalidArgumentError('setDefaultExecutor() needs a ThreadPoolExecutor');
  }
  const previous = current;
  current = executor;
  return previous;
}
