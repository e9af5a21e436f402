// The layout's promise (DESIGN.md): imports flow one way, cli/ → codemods/ and rules/ →
// analysis/, and no file imports itself round a loop. The one loop allowed is the runtime's
// pair of type-only imports between the pool's worker handle and its task, which vanishes when
// compiled.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { stronglyConnected } from '../../analysis/module-graph/strongly-connected.js';
import { repoRoot } from '../helpers/lint.js';

const ROOTS = ['analysis', 'rules', 'codemods', 'cli', path.join('runtime', 'src')];

interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function isTypeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false; // `import './x.js'` runs the module.
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function edgesOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const to = path.resolve(path.dirname(file), specifier.text).replace(/\.js$/, '.ts');
    edges.push({ to, typeOnly: isTypeOnly(statement) });
  }
  return edges;
}

const files = ROOTS.flatMap((root) => sourceFiles(path.join(repoRoot, root)));
const graph = new Map(files.map((file) => [file, edgesOf(file)]));

/** Strongly connected components of more than one file (or a file importing itself). */
function importCycles({ typeOnly }: { typeOnly: boolean }): string[][] {
  const followed = (file: string) => (graph.get(file) ?? []).filter((edge) => (!edge.typeOnly || typeOnly) && graph.has(edge.to));
  return stronglyConnected([...graph.keys()], (file) => followed(file).map((edge) => edge.to))
    .filter((component) => component.length > 1 || followed(component[0]!).some((edge) => edge.to === component[0]))
    .map((component) => component.map((name) => path.relative(repoRoot, name)).sort());
}

const layer = (file: string): string => path.relative(repoRoot, file).split(path.sep)[0]!;

describe('imports', () => {
  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('form no loop of value imports', () => {
    expect(importCycles({ typeOnly: false })).toEqual([]);
  });

  it('form no loop at all, type-only imports counted, but the runtime\'s type-only pair', () => {
    expect(importCycles({ typeOnly: true })).toEqual([['runtime/src/pool-worker.ts', 'runtime/src/task.ts']]);
  });

  it('flow one way: analysis imports none of rules, codemods or cli; rules and codemods import no cli', () => {
    const forbidden: Record<string, readonly string[]> = { analysis: ['rules', 'codemods', 'cli'], rules: ['codemods', 'cli'], codemods: ['cli', 'rules'], runtime: ['analysis', 'rules', 'codemods', 'cli'] };
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      for (const edge of edges) if (forbidden[layer(file)]?.includes(layer(edge.to))) wrong.push(`${path.relative(repoRoot, file)} → ${path.relative(repoRoot, edge.to)}`);
    }
    expect(wrong).toEqual([]);
  });
});
