// Loads the program: every file the codemod may rewrite, plus the files whose
// calls count without being rewritten (`readOnlyFiles`, the tsconfig's files,
// what the files import, and the other scripts of their packages), each
// parsed by TypeScript (ts-morph) and, when the codemod needs to look inside
// it, by the plugin's detector, whose analysis says what blocks and where
// code runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Project, ts, type ResolutionHostFactory, type SourceFile } from 'ts-morph';

import { BLOCKING_RULE_DEFAULTS, createEntryFilter } from '../../analysis/blocking-options.js';
import { withDetector, type DetectorView } from '../engine/detector.js';
import type { DeclarationStore } from '../engine/declaration-store.js';
import type { FileResult } from '../engine/types.js';
import { FileIndex } from './file-index.js';
import { setModuleFormats } from './module-format.js';
import { packageScripts } from './package-scripts.js';
import type { ProgramOptions } from './types.js';

export interface ProgramFile {
  readonly path: string;
  readonly text: string;
  /** Named in `files`: the codemod may rewrite it. */
  readonly editable: boolean;
  readonly sourceFile: SourceFile;
  readonly view: DetectorView;
  readonly index: FileIndex;
}

export interface LoadedProgram {
  readonly project: Project;
  readonly checker: ts.TypeChecker;
  /** The program's files that parse, by absolute path; read on first use. */
  readonly files: ProgramFiles;
  /** What reasons name files relative to. */
  readonly root: string;
}

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Other scripts of a package read as callers, at most; a larger package needs a tsconfig or `readOnlyFiles`. */
const MAX_DISCOVERED = 5000;

/** Compiler options for a program without a tsconfig: what Node runs, JavaScript included. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  strict: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  target: ts.ScriptTarget.ES2022,
  // Node has no DOM (and the DOM's declarations take longer to load than the rest together).
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  jsx: ts.JsxEmit.Preserve,
  // Without a tsconfig nothing includes @types/node, whose `node:fs` tells what `readFileSync` returns.
  types: ['node'],
};

export function loadProgram(options: ProgramOptions): LoadedProgram {
  const editable = new Set(options.files.map((file) => path.resolve(file)));
  const inScope = options.followImports === false ? new Set([...editable, ...(options.readOnlyFiles ?? []).map((file) => path.resolve(file)), ...[...(options.sources?.keys() ?? [])].map((file) => path.resolve(file))]) : undefined;
  const project = inScope && options.declarations && !options.tsConfigFilePath ? keptProject(options.declarations, inScope) : newProject(options, inScope);
  const textOf = (file: string): string => options.sources?.get(file) ?? readFileSync(file, 'utf8');

  for (const file of editable) project.createSourceFile(file, textOf(file), { overwrite: true });
  const readOnly = new Set([...(options.readOnlyFiles ?? []), ...(options.discoverCallers === false ? [] : packageScripts([...editable], MAX_DISCOVERED))].map((file) => path.resolve(file)));
  for (const file of readOnly) {
    if (editable.has(file) || (project.getSourceFile(file) && !options.sources?.has(file))) continue;
    try {
      project.createSourceFile(file, textOf(file), { overwrite: true });
    } catch {
      // A file that vanished or cannot be read calls nothing.
    }
  }
  for (const [file, text] of options.sources ?? []) {
    const resolved = path.resolve(file);
    if (!editable.has(resolved) && project.getSourceFile(resolved)) project.createSourceFile(resolved, text, { overwrite: true });
  }
  // What the files import is part of the program too (read, not rewritten): its helpers' bodies say
  // what blocks. Formats first: resolving builds the program, which reads them.
  setModuleFormats(project);
  project.resolveSourceFileDependencies();
  setModuleFormats(project);

  return {
    project,
    checker: project.getTypeChecker().compilerObject,
    files: new ProgramFiles(project, editable),
    root: options.root ?? commonDirectory([...editable]),
  };
}

function newProject(options: ProgramOptions, inScope: ReadonlySet<string> | undefined): Project {
  const resolutionHost = inScope ? { resolutionHost: scopedResolution(() => inScope) } : {};
  return options.tsConfigFilePath
    ? new Project({ tsConfigFilePath: options.tsConfigFilePath, compilerOptions: { allowJs: true, noEmit: true }, ...resolutionHost })
    : new Project({ compilerOptions: DEFAULT_OPTIONS, skipAddingFilesFromTsConfig: true, ...resolutionHost });
}

/** The project a declaration store keeps, and the scope its resolution reads, which each program sets. */
const keptProjects = new WeakMap<DeclarationStore, { readonly project: Project; readonly scope: { current: ReadonlySet<string> } }>();

/**
 * The store's project, emptied of the previous program's project files and scoped to `inScope`.
 * What stays is under node_modules (TypeScript's libraries, ts-morph keeps them there, and the
 * installed packages' types): parsed and bound already, TypeScript reuses those source files
 * when it builds the next program from the old one. Project files always come from this run's
 * texts or the disk, never from an earlier program.
 */
function keptProject(store: DeclarationStore, inScope: ReadonlySet<string>): Project {
  const kept = keptProjects.get(store);
  if (!kept) {
    const scope = { current: inScope };
    const project = new Project({ compilerOptions: DEFAULT_OPTIONS, skipAddingFilesFromTsConfig: true, resolutionHost: scopedResolution(() => scope.current) });
    keptProjects.set(store, { project, scope });
    return project;
  }
  for (const sourceFile of kept.project.getSourceFiles()) if (!NODE_MODULES.test(sourceFile.getFilePath())) kept.project.removeSourceFile(sourceFile);
  kept.scope.current = inScope;
  return kept.project;
}

/**
 * Module resolution as TypeScript does it, except that a project file outside the scope resolves
 * to nothing (its imports are typed `any`): only installed packages and the files in scope load.
 */
function scopedResolution(scopeNow: () => ReadonlySet<string>): ResolutionHostFactory {
  return (host) => ({
    resolveModuleNames: (names, containingFile, _reused, redirected, options, containingSourceFile) =>
      names.map((name, index) => {
        const mode = containingSourceFile ? ts.getModeForResolutionAtIndex(containingSourceFile, index, options) : undefined;
        const resolved = ts.resolveModuleName(name, containingFile, options, host, undefined, redirected, mode).resolvedModule;
        if (!resolved) return undefined;
        return NODE_MODULES.test(resolved.resolvedFileName) || scopeNow().has(path.resolve(resolved.resolvedFileName)) ? resolved : undefined;
      }),
  });
}

const NODE_MODULES = /[\\/]node_modules[\\/]/;

export class ProgramFiles {
  readonly #project: Project;
  readonly #editable: ReadonlySet<string>;
  readonly #files = new Map<string, ProgramFile | null>();
  readonly #broken = new Map<string, FileResult>();
  readonly #include = createEntryFilter('no-transitive-blocking', BLOCKING_RULE_DEFAULTS);

  constructor(project: Project, editable: ReadonlySet<string>) {
    this.#project = project;
    this.#editable = editable;
  }

  /** The program file at an absolute path, if it is a script of the program (not a library's) that parses. */
  get(file: string): ProgramFile | undefined {
    const known = this.#files.get(file);
    if (known !== undefined) return known ?? undefined;
    const loaded = this.#load(file);
    this.#files.set(file, loaded ?? null);
    return loaded;
  }

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  /** The files the codemod may rewrite that parse. */
  editable(): ProgramFile[] {
    return [...this.#editable].flatMap((file) => this.get(file) ?? []);
  }

  /** Files the codemod may rewrite that do not parse: reported, and left byte for byte. */
  broken(file: string): FileResult | undefined {
    this.get(file);
    return this.#broken.get(file);
  }

  #load(file: string): ProgramFile | undefined {
    const sourceFile = this.#project.getSourceFile(file);
    if (!sourceFile || sourceFile.isDeclarationFile() || !SCRIPT.test(file) || /[\\/]node_modules[\\/]/.test(file)) return undefined;
    const text = sourceFile.getFullText();
    const outcome = withDetector(text, file, (view) => view);
    if (!outcome.ok) {
      if (this.#editable.has(file)) {
        this.#broken.set(file, {
          fixed: [],
          left: [],
          error: { kind: 'parse', message: outcome.message, ...(outcome.line === undefined ? {} : { line: outcome.line }), ...(outcome.column === undefined ? {} : { column: outcome.column }) },
        });
      }
      return undefined;
    }
    const view = outcome.value;
    const sites = view.analysis.sites.filter((site) => this.#include(site.entry));
    return { path: file, text, editable: this.#editable.has(file), sourceFile, view, index: new FileIndex(view, sourceFile, sites) };
  }
}

function commonDirectory(files: readonly string[]): string {
  if (files.length === 0) return process.cwd();
  let common = path.dirname(files[0]!);
  for (const file of files) {
    while (common !== path.dirname(common) && path.relative(common, file).startsWith('..')) common = path.dirname(common);
  }
  return common;
}
