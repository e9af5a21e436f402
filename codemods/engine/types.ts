// What a codemod reports about one file. The CLI, the jscodeshift adapters and
// the tests all speak this vocabulary.

import type { Family } from '../../rules/analysis/catalog/types.js';

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
