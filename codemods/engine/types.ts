// What a codemod reports about one file. The CLI, the jscodeshift adapters and
// the tests all speak this vocabulary.

import type { Family } from '../../analysis/catalog/types.js';
import type { DeclarationStore } from './declaration-store.js';

/** A blocking site the detector reported, and what the codemod did with it. */
export interface SiteOutcome {
  /** 1-based line and column of the call in the input. */
  readonly line: number;
  readonly column: number;
  /** The catalog's display name: `fs.readFileSync`, `Atomics.wait`. */
  readonly api: string;
  readonly family: Family | 'busy-wait';
  /** Set when the site was left: why, in words a user can act on. */
  readonly reason?: string;
}

export interface FileResult {
  /** The rewritten text, or undefined when nothing changed. Never set unless it re-parses. */
  readonly output?: string;
  /**
   * With `output`: for each line of the input (lines end at `\n`), the offset in `output` where it
   * begins, or -1 for a line that begins inside replaced text. Optional; without it, whoever needs
   * to carry a position from input to output diffs the two texts, which is slow on big files.
   */
  readonly lineStarts?: Int32Array;
  readonly fixed: readonly SiteOutcome[];
  readonly left: readonly SiteOutcome[];
  /** The input did not parse (the file must be left byte for byte), or the output did not re-parse. */
  readonly error?: { readonly kind: 'parse' | 'reparse'; readonly message: string; readonly line?: number; readonly column?: number };
}

export interface CodemodOptions {
  /** Path of the file, for the parser (by extension) and for reading the nearest package.json. */
  readonly filePath: string;
}

/** A per-file codemod: pure text in, text out, nothing written. */
export interface Codemod {
  readonly name: string;
  readonly description: string;
  transform(source: string, options: CodemodOptions): FileResult;
}

// A codemod over a whole program (a helper's callers live in other files), so it is not a
// per-file `Codemod`: `unblock fix` calls `transformProgram` once, after the per-file codemods.

export interface ProgramOptions {
  /** Absolute paths of the files the codemod may rewrite. */
  readonly files: readonly string[];
  /**
   * The project's tsconfig.json. Its compiler options apply, and its files join the program:
   * their calls count as callers, but only `files` are rewritten.
   */
  readonly tsConfigFilePath?: string;
  /**
   * More files of the program, read but never rewritten: their calls count (a sync caller there
   * keeps a helper sync). For a sharded run, the files of the other shards.
   */
  readonly readOnlyFiles?: readonly string[];
  /**
   * Whether to read the other scripts of the files' packages (nearest package.json; not
   * node_modules or what .gitignore leaves out) as `readOnlyFiles`, so that a test or a script
   * that calls a helper keeps it sync. Default: true.
   */
  readonly discoverCallers?: boolean;
  /**
   * Load what the files import into the program too, at any depth (default: true). A caller that
   * worked out which files matter (`unblock fix`, from the import graph) passes false: imports of
   * the project's other files then resolve to nothing, so that a router index that imports every
   * route does not load the whole tree. Installed packages' types still load.
   */
  readonly followImports?: boolean;
  /** Texts by absolute path that differ from the disk (an earlier codemod's output). */
  readonly sources?: ReadonlyMap<string, string>;
  /**
   * For a caller that runs several programs in turn with `followImports: false` (`unblock fix`'s
   * batches): one store, from `createDeclarationStore()`, passed to each. TypeScript's library
   * declarations and installed packages' types are then parsed and bound once and kept there,
   * rather than again for every program (about 0.3 s each, and more for `@types/node`).
   */
  readonly declarations?: DeclarationStore;
  /** The directory reasons name files from (`src/boot.ts:12`); default: the files' common directory. */
  readonly root?: string;
}

export interface ProgramResult {
  /** One result per path of `files`: its new text (never written here) and the sites fixed or left. */
  readonly results: Map<string, FileResult>;
  /**
   * The order to write the files in, when it matters: a run stopped between two writes must leave
   * a program that still works (for sync-callers, a caller's file before its helper's). Paths of
   * `results`; any not listed are written first.
   */
  readonly writeOrder?: readonly string[];
}

/** A codemod over a whole program: pure, it reads files but writes nothing. */
export interface ProgramCodemod {
  readonly name: string;
  readonly description: string;
  readonly scope: 'program';
  transformProgram(options: ProgramOptions): ProgramResult;
}

