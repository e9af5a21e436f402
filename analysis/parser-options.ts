// How unblock parses a file: the TypeScript parser for every flavour (it picks TS, TSX or JS with
// JSX from the extension), the latest syntax, and CommonJS for .cjs/.cts. `unblock scan`, the
// codemods' detector and the tests all lint with these options, so a file parses the same way
// in each of them.

import { createRequire } from 'node:module';

import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type { Linter } from 'eslint';

import { requirePeer } from './optional-peers.js';

const PARSING = 'reading source files (unblock scan, fix and trace, and the codemods)';

/** Every file extension unblock reads. */
export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;

/** A flat-config `files` pattern for every source file, and one for the CommonJS ones. */
export const SOURCE_FILES = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;
export const COMMONJS_FILES = ['**/*.cjs', '**/*.cts'] as const;

const COMMONJS_EXTENSION = /\.c[jt]s$/;

/** `commonjs` for `.cjs` and `.cts` files, `module` for the rest. */
export function sourceTypeOf(filePath: string): 'commonjs' | 'module' {
  return COMMONJS_EXTENSION.test(filePath) ? 'commonjs' : 'module';
}

/**
 * typescript-eslint's parser. It is an optional peer dependency (it needs TypeScript): loaded
 * when `unblock scan`, `fix`, `trace`, a codemod or the tests first need it, not when the ESLint
 * plugin loads; a MissingPeerError says what to install when it is not there. The commands call
 * it before they start, so that they stop at once rather than file by file.
 */
export function requireParser(): Linter.Parser {
  return requirePeer<Linter.Parser>('@typescript-eslint/parser', PARSING);
}

/** The `languageOptions` a flat config needs to parse a source file as unblock does. */
export function parserLanguageOptions(sourceType: 'commonjs' | 'module' = 'module'): Linter.LanguageOptions {
  return {
    parser: requireParser(),
    sourceType,
    ecmaVersion: 'latest',
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
}

let estree: typeof TypescriptEstree | undefined;

/** typescript-estree as the parser itself loads it: the same copy, so the same trees and errors. */
export function typescriptEstree(): typeof TypescriptEstree {
  if (!estree) {
    requireParser();
    estree = requireBesideParser<typeof TypescriptEstree>('@typescript-eslint/typescript-estree');
  }
  return estree;
}

/** A module as typescript-eslint's parser, installed beside this package, loads it: its own copy. Throws when there is none. */
export function requireBesideParser<T>(id: string): T {
  return createRequire(createRequire(import.meta.url).resolve('@typescript-eslint/parser'))(id) as T;
}
