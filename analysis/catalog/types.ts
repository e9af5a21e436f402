/**
 * The catalog's vocabulary. The catalog is data: the rules and codemods read these records,
 * and adding an API never needs new code paths.
 */

export type Family =
  | 'archive'
  | 'child_process'
  | 'compression'
  | 'crypto'
  | 'fs'
  | 'glob'
  | 'http'
  | 'password-hashing'
  | 'sleep'
  | 'spawn'
  | 'spreadsheet'
  | 'sqlite'
  | 'zlib'
  | 'user';

/** `high`: blocks for a time that grows with input or I/O. `low`: usually microseconds (a few random bytes). */
export type Severity = 'high' | 'low';

/** How to stop blocking. The codemods implement each kind; the rules put it in their messages. */
export type Recipe =
  /** A native promise API with the same arguments: `fs.readFileSync` → `fs.promises.readFile`. */
  | { readonly kind: 'promises'; readonly module: string; readonly name: string }
  /**
   * The same module's export that takes the same arguments and returns a promise:
   * `bcrypt.compareSync` → `bcrypt.compare`. An empty name means the module itself is the async
   * function (`execa.sync` → `execa`).
   */
  | { readonly kind: 'async-twin'; readonly name: string }
  /** The same module's callback API through `util.promisify`: `zlib.gzipSync` → `promisify(zlib.gzip)`. */
  | { readonly kind: 'promisify'; readonly name: string }
  /** No async form exists: run the work in a worker with `@unblock/runtime`. */
  | { readonly kind: 'offload' }
  /** A rewrite that needs a person, with the advice to give (fd-based calls, `spawnSync`). */
  | { readonly kind: 'manual'; readonly advice: string };

interface EntryBase {
  /** Stable id, used by the `allow` option and in reports: `fs.readFileSync`, `better-sqlite3.Statement.all`. */
  readonly id: string;
  /** How messages name the API: `fs.readFileSync`. */
  readonly display: string;
  readonly family: Family;
  readonly severity: Severity;
  readonly recipe: Recipe;
  /** What a fix must keep in mind, shown in docs and used by the codemods to refuse inexact rewrites. */
  readonly caveat?: string;
  /** Blocking only when called without a trailing callback (`crypto.randomBytes(16)` vs `randomBytes(16, cb)`). */
  readonly syncUnlessCallback?: boolean;
  /**
   * False when awaiting the recipe's API is not a drop-in replacement (`existsSync` returns a
   * boolean, `access` rejects): no suggestion is offered, and the codemod needs a dedicated rewrite.
   */
  readonly dropIn?: false;
  /**
   * The twin is a promise only from this major version of the package on (`rimraf.sync` → `rimraf`,
   * which takes a callback before rimraf 4). Suggestions cannot read package versions, so they skip
   * such entries; the codemod checks the nearest package.json.
   */
  readonly twinSince?: number;
  /**
   * The call returns a Buffer: `always`, or `without-encoding` (`readFileSync(p)`; with an
   * encoding, a string). The codemods read it where JavaScript has no type to say what a helper
   * returns: bytes and text can be sent back from a worker.
   */
  readonly returnsBuffer?: 'always' | 'without-encoding';
}

/** A blocking function exported by a module: `require('fs').readFileSync`. */
export interface ModuleApiEntry extends EntryBase {
  /** Normalized specifiers (no `node:`) whose exports contain it, e.g. `fs`, `graceful-fs`, `fs-extra`. */
  readonly modules: readonly string[];
  /** Path from the module's exports object: `['readFileSync']`, `['realpathSync', 'native']`. */
  readonly path: readonly string[];
  /** A different recipe for some of `modules` (fs-extra promisifies its own fs functions). */
  readonly recipeByModule?: Readonly<Record<string, Recipe>>;
}

/** A blocking method of an object the catalog knows the type of: a better-sqlite3 `Statement`'s `all`. */
export interface MethodApiEntry extends EntryBase {
  readonly receiver: string;
  /** The method name, or `()` when calling the object itself blocks (a better-sqlite3 transaction function). */
  readonly method: string;
}

export type ApiEntry = MethodApiEntry | ModuleApiEntry;

/** A method of a known type that returns another known type: `Database.prepare` → `Statement`. */
export interface TypeTransition {
  readonly receiver: string;
  readonly method: string;
  readonly returns: string;
}

/** An export that creates an object of a known type: `new Database(file)` from better-sqlite3. */
export interface InstanceFactory {
  readonly modules: readonly string[];
  readonly path: readonly string[];
  /** `new X()`, `X()`, or either. */
  readonly construct: 'call' | 'either' | 'new';
  readonly produces: string;
  /** The constructor itself blocks when given arguments (adm-zip reads the archive). */
  readonly blockingWithArguments?: ApiEntry;
}
