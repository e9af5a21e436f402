// How one blocking call becomes its async form, by the catalog's recipe:
// the new callee, and text around the call. Exactness first: where the async
// form would return something else, the site is left with the reason.

import path from 'node:path';

import { AST_NODE_TYPES, ASTUtils, DefinitionType, type TSESTree } from '../../analysis/estree.js';
import { unwrapExpression, walk } from '../../analysis/ast.js';
import { recipeFor } from '../../analysis/catalog/index.js';
import type { BlockingSite } from '../../analysis/tracker.js';
import type { PlacementEnv } from '../engine/await-placement.js';
import { requireCallIn } from '../engine/file-style.js';
import { dependencyMajor } from '../engine/package-manifest.js';
import { planChildProcess } from './child-process.js';
import type { CallEnv, CallPlan } from './types.js';

const refuse = (reason: string): CallPlan => ({ ok: false, reason });

/** Core modules, for the `node:` prefix of new imports. */
const BUILTIN_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'crypto', 'zlib', 'util', 'timers/promises']);

export function planCall(site: BlockingSite, env: CallEnv): CallPlan {
  if (site.form !== 'call' || site.node.type !== AST_NODE_TYPES.CallExpression) {
    return refuse('the function is passed as a value, not called here; wrap it in a callback that awaits the async form');
  }
  const call = site.node;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && ['call', 'apply', 'bind'].includes(callee.property.name)) {
    return refuse(`it is called through \`.${callee.property.name}\``);
  }
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) && site.entry.id.startsWith('child_process.')) {
    return refuse('its arguments are spread, so its options cannot be checked');
  }
  const recipe = recipeFor(site.entry, site.module);
  switch (recipe.kind) {
    case 'promises':
      return planPromises(site, call, recipe.module, recipe.name, env);
    case 'async-twin':
      return planTwin(site, call, callee, recipe.name, env);
    case 'promisify':
      if (site.entry.family === 'child_process') return planChildProcess(site, call, recipe.name, env);
      return planPromisify(site, callee, recipe.name, env);
    case 'offload':
      return refuse(`\`${site.entry.display}\` has no async form; move the work into a module and call it through \`workerModule\` from @unblock/runtime`);
    case 'manual':
      return refuse(recipe.advice);
  }
}

/** Why the arguments of an fs call keep its async form from returning the same, if they do. */
function fsArgumentsBlocker(site: BlockingSite, call: TSESTree.CallExpression): string | undefined {
  if (site.entry.family !== 'fs' || !site.entry.id.startsWith('fs.')) return undefined;
  const [first, second] = call.arguments;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number') return 'it is called with a numeric file descriptor; the promise API works on a FileHandle';
  if (first && looksLikeFd(first)) return 'its first argument looks like a file descriptor; the promise API works on a FileHandle';
  if (!/^fs\.l?statSync$/.test(site.entry.id)) return undefined;
  if (second?.type === AST_NODE_TYPES.ObjectExpression && hasKey(second, 'throwIfNoEntry')) return '`throwIfNoEntry` makes the sync form return undefined where the promise rejects';
  if (second && (second.type !== AST_NODE_TYPES.ObjectExpression || second.properties.some((property) => property.type !== AST_NODE_TYPES.Property || property.computed)) && !isLiteralish(second)) {
    return 'its options are not written out, so `throwIfNoEntry` cannot be ruled out';
  }
  return undefined;
}

function planPromises(site: BlockingSite, call: TSESTree.CallExpression, module: string, name: string, env: CallEnv): CallPlan {
  const blocker = fsArgumentsBlocker(site, call);
  if (blocker) return refuse(blocker);
  const builtin = BUILTIN_MODULES.has(module);
  if (site.entry.id === 'fs.existsSync') {
    // Same answer as existsSync: true when the path can be accessed, false on any error.
    return { ok: true, build: () => ({ callee: env.imports.named(module, 'access', builtin), after: '.then(() => true, () => false)' }) };
  }
  if (site.entry.id === 'fs.globSync') {
    return { ok: true, build: () => ({ callee: env.imports.named(module, name, builtin), before: 'Array.fromAsync(', after: ')' }) };
  }
  if (site.entry.dropIn === false) return refuse(site.entry.caveat ?? 'the async form does not return the same value');
  return { ok: true, build: () => ({ callee: env.imports.named(module, name, builtin) }) };
}

function planTwin(site: BlockingSite, call: TSESTree.CallExpression, callee: TSESTree.Node, name: string, env: CallEnv): CallPlan {
  const blocker = fsArgumentsBlocker(site, call);
  if (blocker) return refuse(blocker);
  // fs-extra's `pathExists` resolves to the boolean `existsSync` returns, and never rejects.
  if (site.entry.id === 'fs.existsSync' && site.module?.startsWith('fs-extra')) name = 'pathExists';
  else if (site.entry.dropIn === false) return refuse(site.entry.caveat ?? 'the async form does not return the same value');
  // Twins that return a promise only from some major on take a callback before it, and awaiting
  // what they return without one awaits nothing.
  const since = site.entry.twinSince;
  if (since !== undefined && 'modules' in site.entry) {
    const module = site.entry.modules[0]!;
    const major = dependencyMajor(path.dirname(path.resolve(env.filePath)), module);
    if (major === undefined || major < since) {
      return refuse(`${module} before ${since} returns no promise without a callback, and the nearest package.json does not say ${module} ${since} or later`);
    }
  }
  if (site.moduleObject && callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = env.sourceCode.getText(site.moduleObject);
    return { ok: true, build: () => ({ callee: name === '' ? object : `${object}.${name}` }) };
  }
  if (callee.type === AST_NODE_TYPES.Identifier && site.module && name !== '') {
    const module = site.module;
    return { ok: true, build: () => ({ callee: env.imports.named(module, name, BUILTIN_MODULES.has(module)) }) };
  }
  return refuse('the async form cannot be named from here');
}

/** `zlib.gzipSync(x)` → `await gzipAsync(x)` with one `const gzipAsync = promisify(zlib.gzip)` per file. */
function planPromisify(site: BlockingSite, callee: TSESTree.Node, name: string, env: CallEnv): CallPlan {
  const module = site.module;
  if (!module) return refuse('the module it comes from is not known here');
  const builtin = BUILTIN_MODULES.has(module);
  const moduleObject = site.moduleObject && callee.type === AST_NODE_TYPES.MemberExpression ? topLevelBinding(site.moduleObject, env) : undefined;
  return {
    ok: true,
    build: () => {
      const promisify = env.imports.named('util', 'promisify', true);
      if (moduleObject) env.imports.keep(moduleObject);
      const target = moduleObject ? `${moduleObject}.${name}` : env.imports.named(module, name, builtin);
      const type = /\.[cm]?tsx?$/.test(env.filePath) ? PROMISIFIED_TYPES[`${module}.${name}`]?.(env.style.nodePrefix && builtin ? `node:${module}` : module) : undefined;
      const helper = env.imports.declare(`promisify:${module}:${name}`, `${name}Async`, () => `${promisify}(${target})${type ? ` as ${type}` : ''}`);
      return { callee: helper };
    },
  };
}

/**
 * Types for helpers whose promisified type TypeScript infers as returning `unknown` (the
 * callback API is overloaded): the sync form's parameters, and its result in a promise.
 */
const PROMISIFIED_TYPES: Readonly<Record<string, (specifier: string) => string>> = {
  'crypto.scrypt': (m) => `(...args: Parameters<typeof import('${m}').scryptSync>) => Promise<ReturnType<typeof import('${m}').scryptSync>>`,
  'crypto.checkPrime': (m) => `(...args: Parameters<typeof import('${m}').checkPrimeSync>) => Promise<boolean>`,
  'crypto.generatePrime': (m) =>
    `{ (size: number, options: import('${m}').GeneratePrimeOptionsBigInt): Promise<bigint>; (size: number, options?: import('${m}').GeneratePrimeOptionsArrayBuffer): Promise<ArrayBuffer> }`,
};

/** The name of a module-level binding (`import zlib …`, `const zlib = require(…)`), usable from a top-level declaration. */
function topLevelBinding(node: TSESTree.Node, env: CallEnv): string | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(env.sourceCode.getScope(node), node)?.defs[0];
  if (definition?.type === DefinitionType.ImportBinding) return node.name;
  // A top-level `require`: the helper, declared after the last import and require, may use it.
  if (definition?.type === DefinitionType.Variable && definition.parent.parent.type === AST_NODE_TYPES.Program && definition.node.type === AST_NODE_TYPES.VariableDeclarator && requireCallIn(definition.node.init)) return node.name;
  return undefined;
}

export function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key) || (property.key.type === AST_NODE_TYPES.Literal && property.key.value === key)),
  );
}

const FD_NAME = /^fd$|^fd[A-Z_]|Fd$|_fd$|^descriptor$/;

/** `fd`, `this.fd`, `process.stdin.fd`, `openSync(p)`: what is probably a numeric file descriptor. */
function looksLikeFd(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return FD_NAME.test(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression) return !value.computed && value.property.type === AST_NODE_TYPES.Identifier && FD_NAME.test(value.property.name);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(value.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
    return name === 'openSync';
  }
  return false;
}

function isLiteralish(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral;
}

/** Identifiers inside `node`: the references a rewrite of `node` removes. */
export function identifiersIn(node: TSESTree.Node, env: PlacementEnv): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  for (const child of walk(node, env.sourceCode.visitorKeys)) {
    if (child.type === AST_NODE_TYPES.Identifier) found.push(child);
  }
  return found;
}
