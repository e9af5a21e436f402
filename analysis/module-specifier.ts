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
