// Resolves a specifier in one of the project's files to another of its files, the way Node and
// TypeScript do: relative paths with or without an extension, `index` files, a `.js` specifier
// that names a `.ts` source, package.json `"imports"` (`#lib/config`), tsconfig/jsconfig `paths`,
// and workspace packages of the same repository (followed through their node_modules link to
// their source). oxc-resolver does the resolving; this file only decides what counts as the
// project's own code: never anything inside node_modules, which is the catalog's business.

import { existsSync } from 'node:fs';
import path from 'node:path';

import { ResolverFactory, type NapiResolveOptions } from 'oxc-resolver';

import { SOURCE_EXTENSIONS } from '../parser-options.js';
import { MissWatch } from './miss-watch.js';

export type Resolution =
  | { readonly ok: true; readonly file: string }
  /**
   * Why the specifier leads to no project file, for `UNBLOCK_DEBUG=modules`. `expected` when that
   * is the normal case: a built-in, or a package in node_modules.
   */
  | { readonly ok: false; readonly reason: string; readonly expected?: true };

const BASE_OPTIONS: NapiResolveOptions = {
  extensions: [...SOURCE_EXTENSIONS, '.json', '.node'],
  // A TypeScript project imports `./config.js` and means `./config.ts`.
  extensionAlias: {
    '.js': ['.ts', '.tsx', '.js', '.jsx'],
    '.mjs': ['.mts', '.mjs'],
    '.cjs': ['.cts', '.cjs'],
    '.jsx': ['.tsx', '.jsx'],
  },
  conditionNames: ['node', 'import', 'require', 'default'],
  mainFields: ['main'],
  builtinModules: true,
  symlinks: true,
};

/** Answers kept at once; a large service asks a few thousand distinct ones. */
const MAX_REMEMBERED = 50_000;

/**
 * The longest that what was learnt of the file system is trusted, as in import-x's module cache
 * (30 s by default there too): it covers what the miss watch cannot see, such as a renamed helper
 * or an edited tsconfig `paths`. A CLI run pays one fresh start per lifetime.
 */
const LIFETIME_MS = 30_000;
/** The misses' directories are looked at no more often than this: once per linted file would be a stat each. */
const WATCH_INTERVAL_MS = 1_000;

const NODE_MODULES = /[\\/]node_modules[\\/]/;
const DECLARATION = /\.d\.[cm]?ts$/;

export class ProjectResolver {
  readonly #withTsconfig = new ResolverFactory({ ...BASE_OPTIONS, tsconfig: 'auto' });
  /** A resolver per jsconfig.json, for JavaScript projects that declare `paths` there. */
  readonly #byJsconfig = new Map<string, ResolverFactory>();
  /** Directory → the jsconfig.json that governs it, when no tsconfig.json is nearer. */
  readonly #jsconfigOf = new Map<string, string | null>();

  /**
   * Answers by directory and specifier: every file of a directory resolves a specifier alike, and
   * a service's files name the same few modules again and again (15 times each, on one real
   * service). They are as fresh as what oxc-resolver learnt of the file system, and `refresh`
   * forgets both together.
   */
  readonly #answers = new Map<string, Resolution>();
  readonly #misses = new MissWatch();
  #learntSince: number;
  #watchedAt: number;

  constructor(now = Date.now()) {
    this.#learntSince = now;
    this.#watchedAt = now;
  }

  /**
   * Forgets every answer, and what oxc-resolver learnt of the file system, when they may be out
   * of date: a file appeared where an import failed to find one, or the lifetime is over. Returns
   * whether it forgot, so that what was built on the answers can be dropped too. Called once per
   * linted file; between two looks it costs nothing.
   */
  refresh(now = Date.now()): boolean {
    if (now - this.#watchedAt < WATCH_INTERVAL_MS) return false;
    this.#watchedAt = now;
    if (now - this.#learntSince < LIFETIME_MS && !this.#misses.changed()) return false;
    this.#answers.clear();
    this.#misses.clear();
    this.#jsconfigOf.clear();
    this.#byJsconfig.clear();
    this.#withTsconfig.clearCache();
    this.#learntSince = now;
    return true;
  }

  resolve(fromFile: string, specifier: string): Resolution {
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      if (this.#answers.size >= MAX_REMEMBERED) this.#answers.clear();
      answer = this.#resolve(fromFile, specifier);
      this.#answers.set(key, answer);
    }
    return answer;
  }

  #resolve(fromFile: string, specifier: string): Resolution {
    if (specifier.startsWith('node:')) return { ok: false, reason: 'a Node.js built-in', expected: true };
    let result;
    try {
      result = this.#resolverFor(path.dirname(fromFile)).resolveFileSync(fromFile, specifier);
    } catch (error) {
      return { ok: false, reason: `the resolver failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (result.builtin) return { ok: false, reason: 'a Node.js built-in', expected: true };
    if (result.path === undefined) {
      this.#misses.add(fromFile, specifier);
      return { ok: false, reason: result.error ?? 'it does not resolve' };
    }
    const file = result.path;
    if (NODE_MODULES.test(file)) return { ok: false, reason: `it resolves into node_modules (${file}), which the catalog covers`, expected: true };
    if (DECLARATION.test(file)) return { ok: false, reason: `it resolves to a declaration file (${file})` };
    if (!(SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file))) return { ok: false, reason: `it resolves to ${file}, which is not JavaScript or TypeScript` };
    return { ok: true, file };
  }

  #resolverFor(directory: string): ResolverFactory {
    const jsconfig = this.#nearestJsconfig(directory);
    if (jsconfig === undefined) return this.#withTsconfig;
    let resolver = this.#byJsconfig.get(jsconfig);
    if (!resolver) {
      resolver = new ResolverFactory({ ...BASE_OPTIONS, tsconfig: { configFile: jsconfig } });
      this.#byJsconfig.set(jsconfig, resolver);
    }
    return resolver;
  }

  /** The jsconfig.json nearest `directory`, unless a tsconfig.json is as near or nearer (oxc finds that one itself). */
  #nearestJsconfig(directory: string): string | undefined {
    const known = this.#jsconfigOf.get(directory);
    if (known !== undefined) return known ?? undefined;
    let found: string | null;
    if (existsSync(path.join(directory, 'tsconfig.json'))) found = null;
    else if (existsSync(path.join(directory, 'jsconfig.json'))) found = path.join(directory, 'jsconfig.json');
    else {
      const parent = path.dirname(directory);
      found = parent === directory || path.basename(directory) === 'node_modules' ? null : (this.#nearestJsconfig(parent) ?? null);
    }
    this.#jsconfigOf.set(directory, found);
    return found ?? undefined;
  }
}
