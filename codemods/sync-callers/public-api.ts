// A function that a package's entry point exports is public API: code outside
// the program may call it, so it never becomes async. The entry points are
// package.json's `main`, `module` and `exports`, traced back to source files
// of the program (a built `dist/index.js` to `src/index.ts`). An entry that
// neither exists nor traces to a source file does not count.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Node, type SourceFile } from 'ts-morph';

import type { LoadedProgram } from './program.js';

interface Package {
  readonly directory: string;
  /** Entry source files of the program, and entries that could not be traced to one. */
  readonly entries: readonly SourceFile[];
  readonly untraced: readonly string[];
  /** Declarations the entries export. */
  readonly exported: ReadonlySet<Node>;
  readonly type: string | undefined;
}

const BUILD_DIRECTORIES = ['dist', 'build', 'lib', 'out', 'esm', 'cjs'];
const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

export class PublicApi {
  readonly #program: LoadedProgram;
  readonly #packages = new Map<string, Package | null>();
  readonly #outDir: string | undefined;
  readonly #rootDir: string | undefined;

  constructor(program: LoadedProgram) {
    this.#program = program;
    const options = program.project.getCompilerOptions();
    this.#outDir = typeof options.outDir === 'string' ? path.resolve(options.outDir) : undefined;
    this.#rootDir = typeof options.rootDir === 'string' ? path.resolve(options.rootDir) : undefined;
  }

  /** Why `declaration` (in `file`) is public API, or undefined when it is not. */
  reason(declaration: Node, name: string, file: string): string | undefined {
    const found = this.packageOf(path.dirname(file));
    if (!found) return undefined;
    const manifest = path.relative(this.#program.root, path.join(found.directory, 'package.json')) || 'package.json';
    if (found.exported.has(declaration)) {
      const entry = found.entries.find((source) => source.getExportedDeclarations().get(name) !== undefined) ?? found.entries[0];
      return `\`${name}\` is public API (${manifest} exports it from ${entry ? this.#relative(entry.getFilePath()) : 'an entry point'}): code outside the program may call it`;
    }
    if (found.untraced.length > 0 && isExported(declaration)) {
      return `\`${name}\` may be public API: it is exported, and ${manifest} names an entry point (${found.untraced.join(', ')}) the codemod cannot trace to a source file`;
    }
    return undefined;
  }

  /** The nearest package.json's `type` for a directory. */
  moduleType(directory: string): string | undefined {
    return this.packageOf(directory)?.type;
  }

  packageOf(directory: string): Package | undefined {
    const known = this.#packages.get(directory);
    if (known !== undefined) return known ?? undefined;
    const manifestPath = path.join(directory, 'package.json');
    const parent = path.dirname(directory);
    const found: Package | null = existsSync(manifestPath) ? this.#read(directory, manifestPath) : parent === directory ? null : (this.packageOf(parent) ?? null);
    this.#packages.set(directory, found);
    return found ?? undefined;
  }

  #read(directory: string, manifestPath: string): Package {
    let manifest: Record<string, unknown> = {};
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    } catch {
      // An unreadable package.json names no entry points.
    }
    const targets = new Set<string>();
    for (const key of ['main', 'module']) if (typeof manifest[key] === 'string') targets.add(manifest[key]);
    collectTargets(manifest['exports'], targets);
    const entries: SourceFile[] = [];
    const untraced: string[] = [];
    for (const target of targets) {
      if (!/\.[cm]?[jt]sx?$/.test(target) && !target.endsWith('/') && path.extname(target) !== '') continue;
      const resolved = path.resolve(directory, target);
      const source = this.#trace(resolved);
      if (source) entries.push(source);
      // An entry that is not there exports nothing (npm init's default `"main": "index.js"`).
      else if (target.includes('*') || existsSync(resolved)) untraced.push(target);
    }
    const exported = new Set<Node>();
    for (const entry of entries) {
      for (const declarations of entry.getExportedDeclarations().values()) for (const declaration of declarations) exported.add(declaration);
    }
    const type = typeof manifest['type'] === 'string' ? manifest['type'] : undefined;
    return { directory, entries, untraced, exported, type };
  }

  /** The program's source file for an entry path: itself, or what it was built from. */
  #trace(target: string): SourceFile | undefined {
    const candidates = [target];
    if (target.includes('*')) return undefined;
    if (this.#outDir && this.#rootDir && !path.relative(this.#outDir, target).startsWith('..')) {
      candidates.push(path.join(this.#rootDir, path.relative(this.#outDir, target)));
    }
    const parts = target.split(path.sep);
    for (const build of BUILD_DIRECTORIES) {
      const at = parts.lastIndexOf(build);
      if (at < 0) continue;
      candidates.push([...parts.slice(0, at), 'src', ...parts.slice(at + 1)].join(path.sep));
      candidates.push([...parts.slice(0, at), ...parts.slice(at + 1)].join(path.sep));
    }
    for (const candidate of candidates) {
      const extension = path.extname(candidate);
      const stem = candidate.slice(0, candidate.length - extension.length);
      const names = extension === '' ? ['.ts', '.tsx', '.js', '.mjs'].map((ext) => `${candidate}${ext}`).concat(['index.ts', 'index.js'].map((name) => path.join(candidate, name))) : (SOURCE_EXTENSIONS[extension] ?? [extension]).map((ext) => `${stem}${ext}`);
      for (const name of names) {
        const source = this.#program.project.getSourceFile(name);
        if (source && this.#program.files.has(path.resolve(name))) return source;
      }
    }
    return undefined;
  }

  #relative(file: string): string {
    return path.relative(this.#program.root, file) || path.basename(file);
  }
}

function collectTargets(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== './package.json') into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTargets(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'types' && key !== './package.json') collectTargets(item, into);
  }
}

export function isExported(declaration: Node): boolean {
  return Node.isExportable(declaration) || Node.isExportGetable(declaration) ? declaration.isExported() : false;
}
