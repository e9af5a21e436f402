import { INSTANCE_FACTORIES, INSTANCE_METHOD_APIS, TYPE_TRANSITIONS } from './instances.js';
import { NODE_CHILD_PROCESS_APIS, NODE_CRYPTO_APIS, NODE_ZLIB_APIS } from './node-core.js';
import { NODE_FS_APIS } from './node-fs.js';
import { NPM_MODULE_APIS } from './npm.js';
import type { ApiEntry, InstanceFactory, MethodApiEntry, ModuleApiEntry, Recipe, TypeTransition } from './types.js';

export type * from './types.js';

/** Every blocking module export the catalog knows. */
export const MODULE_APIS: readonly ModuleApiEntry[] = [
  ...NODE_FS_APIS,
  ...NODE_CHILD_PROCESS_APIS,
  ...NODE_CRYPTO_APIS,
  ...NODE_ZLIB_APIS,
  ...NPM_MODULE_APIS,
];

/** Every blocking method of a known type. */
export const METHOD_APIS: readonly MethodApiEntry[] = INSTANCE_METHOD_APIS;

export const FACTORIES: readonly InstanceFactory[] = INSTANCE_FACTORIES;

export const TRANSITIONS: readonly TypeTransition[] = TYPE_TRANSITIONS;

export const ALL_APIS: readonly ApiEntry[] = [
  ...MODULE_APIS,
  ...METHOD_APIS,
  ...FACTORIES.flatMap((factory) => (factory.blockingWithArguments ? [factory.blockingWithArguments] : [])),
];

export function isModuleApi(entry: ApiEntry): entry is ModuleApiEntry {
  return 'modules' in entry;
}

/** The recipe that applies when the API was imported from `module` (fs-extra overrides fs's). */
export function recipeFor(entry: ApiEntry, module: string | undefined): Recipe {
  if (module && isModuleApi(entry)) return entry.recipeByModule?.[module] ?? entry.recipe;
  return entry.recipe;
}
