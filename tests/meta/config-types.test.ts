// The plugin's published types (dist/*.d.ts, reached as `unblock` through package.json's
// exports) in a user's eslint.config.ts: `defineConfig` with `extends`, `Linter.Config[]` with a
// spread config, `plugins: { unblock }`, `ESLint.Plugin`, typescript-eslint's `config()`, and
// `require('unblock')` in an eslint.config.cts. Type-checked by tsc against ESLint 9's types and
// against ESLint 10's.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'config-types');

const ESLINT_TYPES = {
  '9': path.join(repoRoot, 'node_modules', 'eslint-v9'),
  '10': path.join(repoRoot, 'node_modules', 'eslint'),
} as const;

function typeErrors(eslintDirectory: string): string[] {
  const program = ts.createProgram({
    rootNames: [path.join(fixture, 'eslint.config.ts'), path.join(fixture, 'eslint.config.cts')],
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      // Libraries' own declarations are theirs to check; the fixture's @ts-expect-error lines
      // fail if unblock's declarations do not resolve and its objects are `any`.
      skipLibCheck: true,
      types: [],
      // `eslint` here, and in the plugin's own declarations, is the major under test.
      paths: {
        eslint: [path.join(eslintDirectory, 'lib', 'types', 'index.d.ts')],
        'eslint/config': [path.join(eslintDirectory, 'lib', 'types', 'config-api.d.ts')],
      },
    },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file ? path.relative(repoRoot, diagnostic.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

describe.each(Object.entries(ESLINT_TYPES))('an eslint.config.ts against ESLint %s types', (_major, directory) => {
  it('type-checks', () => {
    expect(typeErrors(directory)).toEqual([]);
  }, 60_000);
});

/** The packages the published declarations import, from an entry point through its relative imports. */
function packagesDeclarationsImport(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.d.ts')));
      else packages.add(specifier);
    }
  }
  return packages;
}

it('the declarations a config loads name no package but ESLint (and ajv for the settings schema)', () => {
  // typescript-eslint's types would not resolve in a project without it (it is not a dependency).
  expect([...packagesDeclarationsImport(path.join(repoRoot, 'dist', 'rules', 'index.d.ts'))]).toEqual(['eslint']);
  expect([...packagesDeclarationsImport(path.join(repoRoot, 'dist', 'analysis', 'settings-schema.d.ts'))]).toEqual(['ajv']);
});
