import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '../../analysis/estree.js';
import { enclosingFunction, isInParameters, needsParentheses, unwrapExpression } from '../../analysis/ast.js';
import { recipeFor } from '../../analysis/catalog/index.js';
import type { Finding } from '../../analysis/file-analysis.js';

/** A local rewrite offered as an ESLint suggestion (never an autofix: it changes timing). */
export interface AwaitSuggestion {
  /** The replacement as the message shows it: `fs.promises.readFile`. */
  readonly replacement: string;
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * `fs.readFileSync(p)` → `await fs.promises.readFile(p)` and `compareSync(a, b)` → `await compare(a, b)`,
 * where that is a local, exact rewrite: the call sits directly in an async function (not in a sync
 * callback, a parameter default or a class field), the async form takes the same arguments and
 * resolves to the same value, and the name it needs is reachable without guessing.
 */
export function awaitSuggestion(finding: Finding, sourceCode: Readonly<TSESLint.SourceCode>): AwaitSuggestion | undefined {
  const { site, context } = finding;
  if (context.kind !== 'async' || context.hops.length > 0 || site.form !== 'call') return undefined;
  const call = site.node;
  if (call.type !== AST_NODE_TYPES.CallExpression || !awaitAllowedAt(call, context.fn)) return undefined;
  if (site.entry.dropIn === false || !sameResultExpected(call)) return undefined;
  if (site.entry.twinSince !== undefined) return undefined;
  const recipe = recipeFor(site.entry, site.module);
  const callee = unwrapExpression(call.callee);

  let newCallee: string | undefined;
  const extraFixes: Array<(fixer: TSESLint.RuleFixer) => TSESLint.RuleFix> = [];
  if (site.moduleObject && callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = sourceCode.getText(site.moduleObject);
    if (recipe.kind === 'promises' && recipe.module === 'fs/promises' && (site.module === 'fs' || site.module === 'graceful-fs')) {
      newCallee = `${object}.promises.${recipe.name}`;
    } else if (recipe.kind === 'async-twin') {
      newCallee = recipe.name === '' ? object : `${object}.${recipe.name}`;
    }
  } else if (callee.type === AST_NODE_TYPES.Identifier && site.module) {
    const target =
      recipe.kind === 'promises' && recipe.module === 'fs/promises'
        ? { module: 'fs/promises', name: recipe.name }
        : recipe.kind === 'async-twin' && recipe.name !== ''
          ? { module: site.module, name: recipe.name }
          : undefined;
    const binding = target && namedImportFor(sourceCode, callee, target.module, target.name);
    if (binding) {
      newCallee = binding.local;
      if (binding.fix) extraFixes.push(binding.fix);
    }
  }
  if (newCallee === undefined) return undefined;

  const calleeText = newCallee;
  return {
    replacement: calleeText,
    fix: (fixer) => {
      const argumentsText = sourceCode.text.slice(call.callee.range[1], call.range[1]);
      // `await fs.readFileSync(p)` is already awaited: only the callee changes.
      if (call.parent.type === AST_NODE_TYPES.AwaitExpression) {
        return [fixer.replaceText(call.callee, calleeText), ...extraFixes.map((make) => make(fixer))];
      }
      const awaited = `await ${calleeText}${argumentsText}`;
      return [fixer.replaceText(call, needsParentheses(call) ? `(${awaited})` : awaited), ...extraFixes.map((make) => make(fixer))];
    },
  };
}

/**
 * Guards for arguments that change what the sync form returns: a numeric fd (`readFileSync(fd)`)
 * needs a FileHandle, and `statSync(p, { throwIfNoEntry: false })` returns undefined where `stat` rejects.
 */
function sameResultExpected(call: TSESTree.CallExpression): boolean {
  const [first, second] = call.arguments;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'number') return false;
  if (first?.type === AST_NODE_TYPES.Identifier && /^fd$|^fd[A-Z_]|Fd$|_fd$/.test(first.name)) return false;
  if (second?.type === AST_NODE_TYPES.ObjectExpression) {
    const options = second.properties;
    if (options.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'throwIfNoEntry')) return false;
  }
  return true;
}

/** `await` is valid here: inside the async function's own body, not in a parameter or class field. */
function awaitAllowedAt(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  if (enclosingFunction(node) !== fn) return false;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.FunctionDeclaration) return false;
  if (isInParameters(fn, node)) return false;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return false;
  }
  return true;
}

interface ImportBinding {
  readonly local: string;
  readonly fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/**
 * The local name of `name` from `module`, adding it to the file's existing ESM import of that
 * module (or a new import after the one that brought the sync API) when the name is free.
 * Returns undefined for CommonJS files, where a rewrite belongs to the codemod.
 */
function namedImportFor(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Identifier,
  module: string,
  name: string,
): ImportBinding | undefined {
  const syncVariable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const syncImport = syncVariable?.defs[0]?.parent;
  if (syncImport?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const usesNodePrefix = syncImport.source.value.startsWith('node:');
  const quote = sourceCode.getText(syncImport.source).startsWith("'") ? "'" : '"';

  const imports = sourceCode.ast.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const existing = imports.find((statement) => statement.importKind !== 'type' && statement.source.value.replace(/^node:/, '') === module);
  const already = existing?.specifiers.find(
    (specifier) =>
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      specifier.importKind !== 'type' &&
      (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) === name,
  );
  if (already) return { local: already.local.name };

  // The name must be free everywhere it could be seen from the call.
  if (ASTUtils.findVariable(sourceCode.getScope(callee), name)) return undefined;
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes[0];
  if (moduleScope && [...moduleScope.references, ...moduleScope.through].some((reference) => reference.identifier.name === name)) return undefined;

  const named = existing?.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
  if (existing && named && named.length > 0) {
    const last = named.at(-1)!;
    return { local: name, fix: (fixer) => fixer.insertTextAfter(last, `, ${name}`) };
  }
  // Follow the file's habit: `node:fs/promises` next to `node:fs`, the bare name next to `fs`.
  const sameModule = syncImport.source.value.replace(/^node:/, '') === module;
  const specifier = sameModule ? syncImport.source.value : `${usesNodePrefix ? 'node:' : ''}${module}`;
  return {
    local: name,
    fix: (fixer) => fixer.insertTextAfter(syncImport, `\nimport { ${name} } from ${quote}${specifier}${quote};`),
  };
}
