// How a file writes what a codemod adds: module system, quotes, semicolons,
// the `node:` prefix and line endings. Added code follows the file's habits.

import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '../../analysis/estree.js';
import { unwrapExpression, walk } from '../../analysis/ast.js';

/**
 * A text split at its byte order mark. Parsers drop the mark and the codemods rebuild text
 * without it, so it is taken off before a codemod runs and put back on the output.
 */
export function splitByteOrderMark(text: string): { readonly bom: '' | '\uFEFF'; readonly body: string } {
  return text.startsWith('\uFEFF') ? { bom: '\uFEFF', body: text.slice(1) } : { bom: '', body: text };
}

export interface FileStyle {
  readonly moduleSystem: 'esm' | 'commonjs';
  readonly quote: "'" | '"';
  readonly semicolon: string;
  readonly nodePrefix: boolean;
  readonly eol: string;
}

const BUILTIN_NAMES = new Set(['fs', 'fs/promises', 'child_process', 'crypto', 'zlib', 'util', 'timers/promises', 'path', 'os', 'url', 'http', 'https', 'stream', 'events']);

export function detectStyle(sourceCode: Readonly<TSESLint.SourceCode>, filePath: string): FileStyle {
  const program = sourceCode.ast;
  const text = sourceCode.text;
  const imports = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const requires = topLevelRequires(program);
  const isCommonJsFile = /\.c[jt]s$/.test(filePath);
  // TypeScript compiles `import` syntax to `require` in a CommonJS file: a TS file that imports
  // (`import x from`, `import x = require(…)`) gets `import` statements, which keep their types.
  const typescriptImports = /\.[cm]?tsx?$/.test(filePath) && (imports.length > 0 || program.body.some((statement) => importEqualsSource(statement) !== undefined));
  const moduleSystem = typescriptImports ? 'esm' : isCommonJsFile || (imports.length === 0 && (requires.length > 0 || /\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text))) ? 'commonjs' : 'esm';

  const importEquals = program.body.flatMap((statement) => {
    const source = importEqualsSource(statement);
    return source ? [source] : [];
  });
  const specifierNodes: TSESTree.StringLiteral[] = [
    ...imports.map((statement) => statement.source),
    ...importEquals,
    ...requires.map((call) => call.arguments[0] as TSESTree.StringLiteral),
  ].sort((a, b) => a.range[0] - b.range[0]);
  const firstString = specifierNodes[0] ?? firstStringLiteral(sourceCode);
  const quote = firstString && sourceCode.getText(firstString).startsWith('"') ? '"' : "'";

  const semicolon = usesSemicolons(sourceCode) ? ';' : '';

  const builtins = specifierNodes.map((node) => node.value).filter((value) => value.startsWith('node:') || BUILTIN_NAMES.has(value));
  const nodePrefix = builtins.length === 0 || builtins.some((value) => value.startsWith('node:'));

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { moduleSystem, quote, semicolon, nodePrefix, eol };
}

/** `require('x')` calls that initialise top-level declarations. */
export function topLevelRequires(program: TSESTree.Program): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const call = requireCallIn(declarator.init);
      if (call) calls.push(call);
    }
  }
  return calls;
}

/** The `require('x')` at the root of `node` (`require('x')`, `require('x').y`), if any. */
export function requireCallIn(node: TSESTree.Node | null | undefined): TSESTree.CallExpression | undefined {
  // `require('x') as typeof import('x')` is a require too.
  let current = node ? unwrapExpression(node) : node;
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  if (
    current?.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof current.arguments[0].value === 'string'
  ) {
    return current;
  }
  return undefined;
}

/** The module of `import x = require('module')`. */
export function importEqualsSource(statement: TSESTree.Node): TSESTree.StringLiteral | undefined {
  if (statement.type !== AST_NODE_TYPES.TSImportEqualsDeclaration || statement.importKind === 'type') return undefined;
  const reference = statement.moduleReference;
  if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
  return reference.expression.type === AST_NODE_TYPES.Literal && typeof reference.expression.value === 'string' ? reference.expression : undefined;
}

function firstStringLiteral(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Token | undefined {
  return sourceCode.ast.tokens?.find((token) => token.type === AST_TOKEN_TYPES.String);
}

export function moduleSpecifier(style: FileStyle, builtin: string): string {
  return style.nodePrefix ? `node:${builtin}` : builtin;
}

/** Statements that end in `;` in a file written with semicolons; the majority decides. */
const SEMICOLON_STATEMENTS = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.VariableDeclaration,
]);

function usesSemicolons(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let ending = 0;
  let bare = 0;
  const visit = (node: TSESTree.Node): void => {
    if (SEMICOLON_STATEMENTS.has(node.type) && !(node.parent?.type === AST_NODE_TYPES.ForStatement || node.parent?.type === AST_NODE_TYPES.ForOfStatement || node.parent?.type === AST_NODE_TYPES.ForInStatement)) {
      if (sourceCode.getLastToken(node)?.value === ';') ending++;
      else bare++;
    }
  };
  for (const node of walk(sourceCode.ast, sourceCode.visitorKeys)) visit(node);
  return ending >= bare;
}
