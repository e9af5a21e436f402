// Which module export a name in a file stands for, from its imports and
// requires, so that a traced call can be named the way the catalog and
// `settings.unblock.blockingApis` name APIs: a module and an export path.

import ts from 'typescript';

export interface ImportedName {
  /** The specifier as written: `node:fs`, `legacy-config`, `../lib/passwords.js`. */
  readonly module: string;
  /** Export path from the module's exports; empty for the module itself (a default or namespace import). */
  readonly path: readonly string[];
}

function requiredModule(expression: ts.Expression | undefined): string | undefined {
  if (!expression || !ts.isCallExpression(expression)) return undefined;
  const [argument] = expression.arguments;
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== 'require' || !argument || !ts.isStringLiteralLike(argument)) return undefined;
  return argument.text;
}

function propertyName(name: ts.PropertyName | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) ? name.text : undefined;
}

/** The names a file binds to module exports at its top level: imports, `require` calls and destructured requires. */
export function importedNames(source: ts.SourceFile): Map<string, ImportedName> {
  const names = new Map<string, ImportedName>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) names.set(clause.name.text, { module, path: [] });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, { module, path: [] });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = element.propertyName ? propertyName(element.propertyName) : element.name.text;
          if (imported !== undefined) names.set(element.name.text, { module, path: imported === 'default' ? [] : [imported] });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addRequire(declaration, names);
    }
  }
  return names;
}

function addRequire(declaration: ts.VariableDeclaration, names: Map<string, ImportedName>): void {
  let initializer = declaration.initializer;
  const path: string[] = [];
  // `require('m').a.b`
  while (initializer && ts.isPropertyAccessExpression(initializer)) {
    path.unshift(initializer.name.text);
    initializer = initializer.expression;
  }
  const module = requiredModule(initializer);
  if (module === undefined) return;
  if (ts.isIdentifier(declaration.name)) {
    names.set(declaration.name.text, { module, path });
  } else if (ts.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      const key = element.propertyName ? propertyName(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (key !== undefined && ts.isIdentifier(element.name) && !element.dotDotDotToken) names.set(element.name.text, { module, path: [...path, key] });
    }
  }
}

/** `fs.promises.readFile` → `['fs', 'promises', 'readFile']`; undefined for anything but names and dotted names. */
function dottedName(expression: ts.Expression): string[] | undefined {
  if (ts.isIdentifier(expression)) return [expression.text];
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
    const left = dottedName(expression.expression);
    return left && [...left, expression.name.text];
  }
  if (ts.isParenthesizedExpression(expression)) return dottedName(expression.expression);
  return undefined;
}

/** The module export a callee names (`fs.readFileSync` with `import fs from 'node:fs'`), when its root is imported. */
export function resolveCallee(callee: ts.Expression, names: ReadonlyMap<string, ImportedName>): ImportedName | undefined {
  const dotted = dottedName(callee);
  if (!dotted) return undefined;
  const [root, ...rest] = dotted;
  const imported = names.get(root!);
  return imported && { module: imported.module, path: [...imported.path, ...rest] };
}
