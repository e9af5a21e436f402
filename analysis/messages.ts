import { AST_NODE_TYPES } from './estree.js';
import { recipeFor } from './catalog/index.js';
import type { ApiEntry, Recipe } from './catalog/types.js';
import { functionName, isMethodValue } from './ast.js';
import { isLocalModuleKey } from './module-specifier.js';
import type { ExecutionContext } from './contexts.js';
import type { HandlerInfo } from './frameworks/types.js';

/**
 * The words of every report: which API, where it runs, and what to use instead, as in
 * "`fs.readFileSync` blocks the event loop in async function `loadUser`; use `fs.promises.readFile`".
 */

const IDENTIFIER_LIKE = /^[A-Za-z_$][\w$]*$/;

/** "async function `loadUser`", "Express route handler `GET /users` (inside a `map` callback)". */
export function describeContext(context: ExecutionContext): string {
  const base = context.kind === 'async' ? describeAsync(context) : describeHandler(context.handler!, functionName(context.fn));
  const hop = context.hops[0];
  if (!hop) return base;
  const inside =
    hop.kind === 'executor'
      ? 'inside a Promise executor'
      : hop.kind === 'immediate'
        ? 'inside an immediately invoked function'
        : hop.kind === 'listener'
          ? `inside the \`${hop.name}\` event listener`
          : `inside a \`${hop.name}\` callback`;
  return `${base} (${inside})`;
}

function describeAsync(context: ExecutionContext): string {
  const fn = context.fn;
  const kind = fn.generator ? 'async generator' : isMethodValue(fn) ? 'async method' : fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? 'async arrow function' : 'async function';
  if (context.handler) {
    const label = context.handler.label ?? functionName(fn);
    return `async ${context.handler.framework.name} ${roleWord(context.handler)}${label ? ` \`${label}\`` : ''}`;
  }
  const name = functionName(fn);
  return name ? `${kind} \`${name}\`` : `an ${kind} (line ${fn.loc.start.line})`;
}

function describeHandler(handler: HandlerInfo, name: string | undefined): string {
  const label = handler.label ?? name;
  return `${handler.framework.name} ${roleWord(handler)}${label ? ` \`${label}\`` : ''}`;
}

function roleWord(handler: HandlerInfo): string {
  switch (handler.role) {
    case 'route':
      return 'route handler';
    case 'middleware':
      return 'middleware';
    case 'hook':
      return 'hook';
    case 'error-handler':
      return 'error handler';
    case 'listener':
      return handler.family === 'websocket' ? 'connection listener' : 'request listener';
    case 'message':
      return 'message handler';
    case 'job':
      return 'job processor';
    case 'schedule':
      return 'scheduled task';
  }
}

/** "use `fs.promises.readFile`", "use `util.promisify(zlib.gzip)`"… */
export function describeFix(entry: ApiEntry, module: string | undefined): string {
  return describeRecipe(recipeFor(entry, module), module ?? ('modules' in entry ? entry.modules[0] : undefined), entry);
}

function describeRecipe(recipe: Recipe, module: string | undefined, entry: ApiEntry): string {
  switch (recipe.kind) {
    case 'promises':
      if (recipe.module === 'fs/promises') return `use \`fs.promises.${recipe.name}\``;
      if (recipe.module === 'timers/promises') return `use \`await ${recipe.name}(ms)\` from \`node:timers/promises\``;
      return `use \`${recipe.name}\` from \`node:${recipe.module}\``;
    case 'async-twin': {
      const owner = module ?? '';
      if (recipe.name === '') return `use \`${owner}()\`, which returns a promise`;
      return IDENTIFIER_LIKE.test(owner) ? `use \`${owner}.${recipe.name}\`` : `use \`${recipe.name}\` from ${owner}, which returns a promise`;
    }
    case 'promisify':
      return `use \`util.promisify(${module ?? ''}.${recipe.name})\``;
    case 'offload':
      if (entry.family === 'sqlite') return 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver';
      // `offload` sends a function's source, which cannot import the project's own files: a
      // helper of the project runs in a worker through its module instead.
      if (module !== undefined && isLocalModuleKey(module)) return 'run it in a worker with `workerModule` from @unblock/runtime';
      return 'run it in a worker with `offload` from @unblock/runtime';
    case 'manual':
      return recipe.advice;
  }
}
