// TypeScript for the typed analysis, loaded the first time the analysis reads it: the plugin's
// modules import this, never `typescript` itself, so that linting without type information works
// in a project that has no TypeScript installed (it is an optional peer dependency, see
// optional-peers.ts). Only typed linting, which has TypeScript by definition, touches `ts`.
//
// `import { ts } from './typescript.js'` reads like `import ts from 'typescript'`: `ts.isCallExpression`
// as a value, and `ts.Node` as a type through the namespace below. A module that needs another of
// TypeScript's types adds it there.

import type * as TypeScript from 'typescript';

import { requirePeer } from './optional-peers.js';

let typescript: typeof TypeScript | undefined;

function load(): typeof TypeScript {
  typescript ??= requirePeer<typeof TypeScript>('typescript', 'typed linting (recommended-type-checked, or the typeAware option)');
  return typescript;
}

/** TypeScript's API, loaded on the first property read. */
export const ts: typeof TypeScript = new Proxy({} as typeof TypeScript, {
  get: (_target, key) => load()[key as keyof typeof TypeScript],
  has: (_target, key) => key in load(),
});

// A namespace of types only merges with the value above, so that `ts.Node` works as a type.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  type Expression = TypeScript.Expression;
  type Node = TypeScript.Node;
  type Program = TypeScript.Program;
  type SignatureDeclaration = TypeScript.SignatureDeclaration;
  type SourceFile = TypeScript.SourceFile;
  type Symbol = TypeScript.Symbol;
  type Type = TypeScript.Type;
  type TypeChecker = TypeScript.TypeChecker;
}
