// How one blocking call becomes its async form, by the catalog's recipe:
// the new callee, and text around the call. Exactness first: where the async
// form would return something else, the site is left with the reason.

import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { unwrapExpression, walk } from '../../rules/analysis/ast.js';
import { recipeFor } from '../../rules/analysis/catalog/index.js';
import type { BlockingSite } from '../../rules/analysis/tracker.js';
import type { PlacementEnv } from '../engine/await-placement.js';
import type { ImportPlan } from '../engine/imports.js';
import { planChildProcess } from './child-process.js';

export interface CallRewrite {
  /** The new callee. */
  readonly callee: string;
  /** Text inside the `await`, before the call (`Array.fromAsync(`). */
  readonly before?: string;
  /** Text inside the `await`, after the call (`.then(() => true, () => false)`). */
  readonly after?: string;
  /** Replacement for the argument list, parentheses included, when it changes. */
  readonly argumentsText?: string;
  /** Text after the awaited expression, outside the `await` (`.stdout`); forces parentheses. */
  readonly outside?: string;
}

export type CallPlan = { readonly ok: true; readonly build: () => CallRewrite } | { readonly ok: false; readonly reason: string };

export interface CallEnv extends PlacementEnv {
  readonly imports: ImportPlan;
}

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
      return planTwin(site, callee, recipe.name, env);
    case 'promisify':
      if (site.entry.family === 'child_process') return planChildProcess(site, call, recipe.name, env);
      return planPromisify(site, callee, recipe.name, env);
    case 'offload':
      return refuse(`\`${site.entry.display}\` has no async form; move the work into a module and call it through \`workerModule\` from @unblock/runtime`);
    case 'manual':
      return refuse(recipe.advice);
  }
}

function planPromises(site: BlockingSite, call: TSESTree.CallExpression, module: string, name: string, env: CallEnv): CallPlan {
  const [first, second] = call.arguments;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number') return refuse('it is called with a numeric file descriptor; the promise API works on a FileHandle');
  if (first?.type === AST_NODE_TYPES.Identifier && /^fd$|^fd[A-Z_]|Fd$|_fd$/.test(first.name)) return refuse('it looks called with a file descriptor; the promise API works on a FileHandle');
  if (second?.type === AST_NODE_TYPES.ObjectExpression && hasKey(second, 'throwIfNoEntry')) return refuse('`throwIfNoEntry` makes the sync form return undefined where the promise rejects');
  if (second && second.type !== AST_NODE_TYPES.ObjectExpression && site.entry.id.endsWith('statSync') && !isLiteralish(second)) {
    return refuse('its options are not written out, so `throwIfNoEntry` cannot be ruled out');
  }
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

function planTwin(site: BlockingSite, callee: TSESTree.Node, name: string, env: CallEnv): CallPlan {
  if (site.entry.dropIn === false) return refuse(site.entry.caveat ?? 'the async form does not return the same value');
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
      const helper = env.imports.declare(`promisify:${module}:${name}`, `${name}Async`, () => `${promisify}(${target})`);
      return { callee: helper };
    },
  };
}

/** The name of a module-level binding (`import zlib …`, `const zlib = require(…)`), usable from a top-level declaration. */
function topLevelBinding(node: TSESTree.Node, env: CallEnv): string | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(env.sourceCode.getScope(node), node)?.defs[0];
  if (definition?.type === DefinitionType.ImportBinding) return node.name;
  if (definition?.type === DefinitionType.Variable && definition.parent.parent.type === AST_NODE_TYPES.Program) return node.name;
  return undefined;
}

const DefinitionType = TSESLint.Scope.DefinitionType;

export function hasKey(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key) || (property.key.type === AST_NODE_TYPES.Literal && property.key.value === key)),
  );
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
