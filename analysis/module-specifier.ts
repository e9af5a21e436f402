import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules);

/**
 * The name a catalog knows a module by: `node:fs` → `fs`. Only built-ins take the `node:` scheme,
 * and a few (`node:sqlite`, `node:test`) exist only with it, so the prefix is dropped for every
 * specifier that has it rather than checked against the running Node's list.
 */
export function normalizeModuleSpecifier(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}

/** True when `name` (already normalized) is a Node.js built-in module. */
export function isBuiltinModule(name: string): boolean {
  return BUILTINS.has(name) || name === 'sqlite' || name === 'test';
}

/** `./lib/db.js`, `../db`: a file of the project, named relative to something. */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.\.?(?:[\\/]|$)/.test(specifier);
}

/** The extension a specifier of a project file may carry, or leave out. */
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The name a file of the project is known by, whatever relative path reaches it and whichever
 * source extension names it: `./src/db.js` from the project root and `../db.ts` from `src/routes/`
 * both name `file:/app/src/db`.
 */
export function localModuleKey(absolutePath: string): string {
  return `file:${absolutePath.replace(SOURCE_EXTENSION, '')}`;
}

/** True for a key made by `localModuleKey`. */
export function isLocalModuleKey(module: string): boolean {
  return module.startsWith('file:');
}

/** `crypto-helpers` for `./lib/crypto-helpers.js` or its key: how messages name a project file. */
export function localModuleName(module: string): string {
  const last = module.split(/[\\/]/).at(-1) ?? module;
  return last.replace(SOURCE_EXTENSION, '');
}
