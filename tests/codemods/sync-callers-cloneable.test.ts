// The worker route's question about a type: does a value of it cross to a worker and back as it
// is? It follows docs/runtime.md's table: Buffers (under any of @types/node's names for them),
// typed arrays, Date, Map, Set, RegExp, and plain objects and arrays of them cross; class
// instances, functions, objects with methods, promises and symbols do not, and `any` says nothing.

import path from 'node:path';

import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import { cloneProblem } from '../../codemods/sync-callers/cloneable.js';
import { repoRoot } from '../helpers/lint.js';

const CROSSES: readonly string[] = [
  'string',
  'number | bigint | boolean | null | undefined',
  'Buffer',
  'NonSharedBuffer',
  'ReturnType<typeof pbkdf2Sync>',
  'ReturnType<typeof gzipSync>',
  'Uint8Array',
  'Float64Array',
  'BigInt64Array',
  'DataView',
  'ArrayBuffer',
  'Date',
  'RegExp',
  'Map<string, Buffer>',
  'ReadonlySet<Date>',
  'Buffer[]',
  '[Buffer, number]',
  '{ name: string; avatar: Buffer; tags: Set<string> }',
  'Array<{ hash: NonSharedBuffer; seen: Map<number, Uint8Array[]> }>',
  'Record<string, Buffer>',
  'Plain',
];

const REFUSED: ReadonlyArray<readonly [type: string, reason: string]> = [
  ['Money', 'is an instance of class `Money` (a copy loses its prototype and methods), which structured clone cannot copy faithfully'],
  ['{ total: Money }', 'is an instance of class `Money` (a copy loses its prototype and methods) (in `total`), which structured clone cannot copy faithfully'],
  ['() => string', 'is a function, which structured clone cannot copy faithfully'],
  ['{ render(): string }', 'is an object with a method (`render`), which structured clone cannot copy faithfully'],
  ['Map<string, () => void>', 'is a function, which structured clone cannot copy faithfully'],
  ['Promise<Buffer>', 'is a promise, which structured clone cannot copy faithfully'],
  ['symbol', 'is a symbol, which structured clone cannot copy faithfully'],
  ['WeakMap<object, Buffer>', 'is a WeakMap, which structured clone cannot copy faithfully'],
  ['any', 'is a value of type `any`, so nothing shows it can be copied to a worker'],
];

const header = `import { pbkdf2Sync } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { NonSharedBuffer } from 'node:buffer';
class Money {
  cents = 0;
  format(): string {
    return String(this.cents);
  }
}
interface Plain {
  id: number;
  digest: Buffer;
  when: Date;
}
`;

const cases = [...CROSSES, ...REFUSED.map(([type]) => type)];
const project = new Project({
  compilerOptions: { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ['lib.es2023.d.ts'], types: ['node'] },
});
const file = project.createSourceFile(
  path.join(repoRoot, 'tests', 'codemods', 'cloneable-cases.ts'),
  header + cases.map((type, i) => `export type Case${i} = ${type};`).join('\n'),
  { overwrite: true },
);
const checker = project.getTypeChecker().compilerObject;
const problemOf = (type: string): string | undefined => cloneProblem(file.getTypeAliasOrThrow(`Case${cases.indexOf(type)}`).getType().compilerType, checker);

describe('cloneProblem', () => {
  it('sees the cases as the types they name', () => {
    expect(project.getPreEmitDiagnostics().map((diagnostic) => diagnostic.getMessageText())).toEqual([]);
  });

  it.each(CROSSES)('lets %s cross', (type) => {
    expect(problemOf(type)).toBeUndefined();
  });

  it.each(REFUSED)('refuses %s', (type, reason) => {
    expect(problemOf(type)).toBe(reason);
  });
});
