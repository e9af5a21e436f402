// How unblock parses a file: the TypeScript parser for every flavour (it picks TS, TSX or JS with
// JSX from the extension), the latest syntax, and CommonJS for .cjs/.cts. `unblock scan`, the
// codemods' detector and the tests all lint with these options, so a file parses the same way
// in each of them.

import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

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

/** The `languageOptions` a flat config needs to parse a source file as unblock does. */
export function parserLanguageOptions(sourceType: 'commonjs' | 'module' = 'module'): Linter.LanguageOptions {
  return {
    parser: tsParser,
    sourceType,
    ecmaVersion: 'latest',
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
}
