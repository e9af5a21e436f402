// What a module's exports are, as far as blocking goes: the summary a module graph keeps of each
// of the project's own modules, after eslint-plugin-import-x's ExportMap. Only shapes that lead
// to a blocking call are worth keeping; anything else is `unknown`, which never reports: an
// unknown shape gives no report, not a guess.

import type { TSESTree } from '@typescript-eslint/utils';

import type { ApiEntry } from '../catalog/types.js';

/** A blocking call in another module, reached by calling an export: the chain of functions, then the API. */
export interface RemoteChain {
  /** The functions called, outermost first: `['load', 'readConfig']`. */
  readonly functions: readonly string[];
  readonly entry: ApiEntry;
  /** The module the API came through (`fs-extra`), when known. */
  readonly module?: string;
  /** Where the blocking call is: an absolute path and a 1-based line. */
  readonly file: string;
  readonly line: number;
}

export type ExportShape =
  /**
   * A function. `chain` when calling it blocks, worked out on first read (it may mean reading the
   * modules it calls into); `possible` is false when it cannot block whatever those say.
   * `returns` when what it returns is worth following.
   */
  | { readonly kind: 'function'; readonly name: string; readonly chain?: RemoteChain; readonly possible: boolean; readonly returns?: ExportShape }
  /** A class: `new C()` gives `instance` (and blocks with `construct`, worked out on first read); static methods are `statics`. */
  | {
      readonly kind: 'class';
      readonly name: string;
      readonly instance: ExportShape;
      readonly statics: ReadonlyMap<string, ExportShape>;
      readonly construct?: RemoteChain;
      readonly possible: boolean;
    }
  /** An object (a namespace, `module.exports = { … }`, an instance): its members, then `fallback`'s (a base class's methods). */
  | { readonly kind: 'object'; readonly members: ReadonlyMap<string, ExportShape>; readonly fallback?: ExportShape }
  /**
   * Something of another module of the project, looked up when it is used (re-exports, imports
   * passed on). `path` starts with what of the module (an export name, or the REQUIRE or
   * NAMESPACE step of export-shapes.ts), then members, calls (CALL) and constructions (NEW).
   */
  | { readonly kind: 'link'; readonly file: string; readonly path: readonly string[] }
  | { readonly kind: 'unknown' };

export const UNKNOWN: ExportShape = { kind: 'unknown' };

/** A module's exports. `'*'` is the namespace (ESM) or `module.exports` (CommonJS); `default` the default export. */
export interface ModuleSummary {
  readonly file: string;
  /** Named exports, `default`, and `'*'` when `module.exports` was assigned as a whole. */
  readonly exports: ReadonlyMap<string, ExportShape>;
  /** Resolved files of `export * from '…'`, searched for names not found in `exports`. */
  readonly starExports: readonly string[];
  /** True when nothing exported can lead to a blocking call; lookups then stop at once. */
  readonly inert: boolean;
}

/** `shape.name`, or `unknown`. A link gets the name appended, for the graph to follow when it is used. */
export function memberShape(shape: ExportShape, name: string): ExportShape {
  switch (shape.kind) {
    case 'object':
      return shape.members.get(name) ?? (shape.fallback ? memberShape(shape.fallback, name) : UNKNOWN);
    case 'class':
      return shape.statics.get(name) ?? UNKNOWN;
    case 'link':
      return { kind: 'link', file: shape.file, path: [...shape.path, name] };
    default:
      return UNKNOWN;
  }
}

/** True when some call through `shape` may block, without reading other modules (links may). */
export function mayBlock(shape: ExportShape, seen = new Set<ExportShape>()): boolean {
  if (seen.has(shape)) return false;
  seen.add(shape);
  switch (shape.kind) {
    case 'function':
      return shape.possible || (shape.returns !== undefined && mayBlock(shape.returns, seen));
    case 'class':
      return shape.possible || mayBlock(shape.instance, seen) || [...shape.statics.values()].some((member) => mayBlock(member, seen));
    case 'object':
      return [...shape.members.values()].some((member) => mayBlock(member, seen)) || (shape.fallback !== undefined && mayBlock(shape.fallback, seen));
    case 'link':
      return true;
    case 'unknown':
      return false;
  }
}

/**
 * Path steps of a link that are not property names: what `require` returns, the namespace, a
 * call's result and a `new` instance. Property names can never start with a NUL.
 */
export const REQUIRE = '\u0000require';
export const NAMESPACE = '\u0000namespace';
export const CALL = '\u0000call';
export const NEW = '\u0000new';

/** What a call (or, with `isNew`, a construction) of `shape` gives: a link one step on, or `unknown`. */
export function resultShape(shape: ExportShape, isNew: boolean): ExportShape {
  if (shape.kind === 'link') return { kind: 'link', file: shape.file, path: [...shape.path, isNew ? NEW : CALL] };
  if (isNew) return shape.kind === 'class' ? shape.instance : UNKNOWN;
  return shape.kind === 'function' ? (shape.returns ?? UNKNOWN) : UNKNOWN;
}

/** A call of something from the project's own modules, whose blocking chain is looked up only when it matters. */
export interface PendingCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly shape: ExportShape;
  readonly isNew: boolean;
}

/**
 * What the tracker asks of the project's own modules while it follows values in a file. Nothing
 * here reads another module: the tracker only builds links, and the chains behind the calls it
 * records are looked up later, for the calls that run while serving.
 */
export interface ProjectModules {
  /**
   * A link to what a binding holds: `imported` (`default`, `*`, `require` or an export name) and
   * then `path` of the module `specifier` names from `fromFile`. Undefined unless the specifier
   * names one of the project's own files.
   */
  importLink(fromFile: string, specifier: string, imported: string, path: readonly string[]): ExportShape | undefined;
}
