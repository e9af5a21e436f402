import { AST_NODE_TYPES, ASTUtils, DefinitionType, type TSESLint, type TSESTree } from '../analysis/estree.js';
import { isFunctionNode, unwrapExpression, walk, type FunctionNode } from '../analysis/ast.js';
import { createRule } from './util/create-rule.js';
import { analyzeFile } from '../analysis/file-analysis.js';
import { mayOffload } from '../analysis/prefilter.js';

export interface OffloadSelfContainedOptions {
  /** Globals a worker is known to have on top of the standard ones (installed by a worker bootstrap). */
  readonly allowGlobals?: readonly string[];
}

export type Options = [OffloadSelfContainedOptions];
export type MessageId = 'importedFunction' | 'moduleScoped' | 'outerThis' | 'outerVariable';

export const RULE_NAME = 'offload-self-contained';

/** CommonJS module-scope names: a function compiled in a worker has no module around it. */
const MODULE_SCOPED_NAMES = new Set(['require', 'module', 'exports', '__dirname', '__filename']);

export default createRule<Options, MessageId>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow functions passed to `offload`, `runInExecutor` or `executor.submit` that use variables from outside the function',
      recommended: true,
    },
    messages: {
      outerVariable:
        '`{{call}}` runs this function in a worker thread, where `{{name}}` does not exist; pass it as an argument or use `workerModule`',
      moduleScoped:
        '`{{name}}` does not exist in the worker thread `{{call}}` runs this function in; use `process.getBuiltinModule()` or pass the value as an argument',
      outerThis: '`{{call}}` runs this arrow function in a worker thread, where the outer `this` does not exist; pass what you need as an argument',
      importedFunction:
        '`{{name}}` is imported, and `{{call}}` sends only a function’s source to the worker, not its module; use `workerModule` to run an exported function by module URL',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowGlobals: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', minLength: 1 },
            description: 'Global names your workers define on top of the standard ones, for example through a worker bootstrap module.',
          },
        },
      },
    ],
    defaultOptions: [{ allowGlobals: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allowedGlobals = new Set(options.allowGlobals);

    /** Reports every name `fn` uses from outside itself, once each. */
    function checkFunction(fn: FunctionNode, call: string): void {
      const scope = sourceCode.scopeManager?.acquire(fn);
      if (!scope) return;
      const reported = new Set<string>();
      for (const reference of scope.through) {
        const name = reference.identifier.name;
        // `typeof x` in a type annotation is a value reference to the scope
        // manager, but it is erased before the source reaches the worker.
        if (reported.has(name) || reference.isTypeReference || isInTypeQuery(reference.identifier, fn)) continue;
        const variable = reference.resolved;
        const isGlobal = !variable || (variable.defs.length === 0 && name !== 'arguments');
        if (isGlobal && !MODULE_SCOPED_NAMES.has(name)) continue;
        if (allowedGlobals.has(name)) continue;
        reported.add(name);
        context.report({ node: reference.identifier, messageId: isGlobal ? 'moduleScoped' : 'outerVariable', data: { call, name } });
      }
      if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        const outerThis = findOuterThis(fn, sourceCode.visitorKeys);
        if (outerThis) context.report({ node: outerThis, messageId: 'outerThis', data: { call } });
      }
    }

    return {
      'Program:exit'() {
        // Most files name no module that offloads: then they need no analysis for this rule.
        if (!mayOffload(sourceCode.text)) return;
        for (const { call, point } of analyzeFile(context).offloadCalls) {
          const argument = call.arguments[point.argument];
          if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
          const target = unwrapExpression(argument);
          if (isFunctionNode(target)) {
            checkFunction(target, point.display);
          } else if (target.type === AST_NODE_TYPES.Identifier) {
            const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
            const definition = variable?.defs[0];
            if (definition?.type === DefinitionType.ImportBinding) {
              context.report({ node: target, messageId: 'importedFunction', data: { call: point.display, name: target.name } });
            } else if (definition && isFunctionNode(definition.node)) {
              checkFunction(definition.node, point.display);
            } else if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
              const init = unwrapExpression(definition.node.init);
              if (isFunctionNode(init)) checkFunction(init, point.display);
            }
          }
        }
      },
    };
  },
});

/** A `this` inside an arrow function that is not inside a nested non-arrow function or class. */
function findOuterThis(fn: TSESTree.ArrowFunctionExpression, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.ThisExpression | undefined {
  for (const node of walk(fn.body, visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.ThisExpression) continue;
    let bound = false;
    for (let current: TSESTree.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
      if (
        current.type === AST_NODE_TYPES.FunctionExpression ||
        current.type === AST_NODE_TYPES.FunctionDeclaration ||
        current.type === AST_NODE_TYPES.ClassBody
      ) {
        bound = true;
        break;
      }
    }
    if (!bound) return node;
  }
  return undefined;
}

function isInTypeQuery(identifier: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let node = identifier.parent; node && node !== boundary; node = node.parent) {
    if (node.type === AST_NODE_TYPES.TSTypeQuery) return true;
  }
  return false;
}
