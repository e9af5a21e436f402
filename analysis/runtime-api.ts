import type { InstanceFactory } from './catalog/types.js';

/**
 * `@unblock/runtime`'s calls that send a function to a worker thread. The function's source is
 * compiled there, away from the module it was written in, so it must not use outer variables.
 */
export interface OffloadPoint {
  /** How messages name the call: `offload`, `runInExecutor`, `executor.submit`. */
  readonly display: string;
  readonly modules?: readonly string[];
  readonly path?: readonly string[];
  readonly receiver?: string;
  readonly method?: string;
  /** Which argument is the function. */
  readonly argument: number;
}

export const RUNTIME_MODULES = ['@unblock/runtime'] as const;

/**
 * `workerModule<typeof import('./m.js')>(url)` returns a proxy whose functions run the module's
 * exports in a worker thread: calls through it do not run on the event loop.
 */
export const WORKER_MODULE_EXPORT = 'workerModule';

export const EXECUTOR_TYPE = 'unblock.ThreadPoolExecutor';

export const RUNTIME_FACTORIES: readonly InstanceFactory[] = [
  { modules: RUNTIME_MODULES, path: ['ThreadPoolExecutor'], construct: 'new', produces: EXECUTOR_TYPE },
  { modules: RUNTIME_MODULES, path: ['getDefaultExecutor'], construct: 'call', produces: EXECUTOR_TYPE },
];

export const OFFLOAD_POINTS: readonly OffloadPoint[] = [
  { display: 'offload', modules: RUNTIME_MODULES, path: ['offload'], argument: 0 },
  { display: 'runInExecutor', modules: RUNTIME_MODULES, path: ['runInExecutor'], argument: 1 },
  { display: 'executor.submit', receiver: EXECUTOR_TYPE, method: 'submit', argument: 0 },
];
