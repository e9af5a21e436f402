// `unblock scan --cache`: a file's findings, kept between runs, under a key that changes with
// everything they can depend on. ESLint's own cache keys a result by the file's content and the
// config, which is right for rules that read one file. unblock's follow helpers into the modules a
// file imports, so a change to `lib/config.js` changes what `routes.js` reports, and ESLint's cache
// would return the old result. Here the key of a file is:
// - the digest of its text and of every project module it imports, at any depth (the import graph's
//   closure digest; the module graph follows nothing that graph does not hold);
// - the files around it that change what the analysis sees: the package.json, tsconfig/jsconfig,
//   lock files and serverless configs of its directory and those above;
// - and, for the whole cache, unblock's version, ESLint's, the rules and the mode (typed or not).
// A typed scan also depends on the types of installed packages, which the lock files stand for.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';

import { ImportGraph } from '../../analysis/module-graph/import-graph.js';
import { VERSION } from '../../rules/version.js';

/** Where the cache goes when `--cache-location` is not given, as ESLint's goes to `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.unblockcache';

/** Files whose presence or content in a file's directory, or one above it, changes what the analysis sees. */
const CONTEXT_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'serverless.yml', 'serverless.yaml', 'serverless.ts', 'serverless.js', 'serverless.json', 'template.yaml', 'template.yml', 'samconfig.toml'];

const FORMAT = 1;

interface CacheEntry {
  readonly key: string;
  readonly messages: Linter.LintMessage[];
}

interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly entries: Record<string, CacheEntry>;
}

/** `--cache-location`: a file, or a directory (existing, or given with a trailing slash) to put `.unblockcache` in. */
export async function cacheFileFor(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  const isDirectory = await stat(resolved).then((stats) => stats.isDirectory(), () => false);
  return isDirectory ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

export class ScanCache {
  readonly #file: string;
  readonly #runKey: string;
  readonly #old: Record<string, CacheEntry>;
  readonly #entries: Record<string, CacheEntry> = {};
  readonly #graph = new ImportGraph();
  /** File → digest of its own text; `''` for a file that could not be read. */
  readonly #own = new Map<string, string>();
  readonly #contextOf = new Map<string, string>();
  #keys: Map<string, string> | undefined;

  private constructor(file: string, runKey: string, old: Record<string, CacheEntry>) {
    this.#file = file;
    this.#runKey = runKey;
    this.#old = old;
  }

  /** Opens the cache at `file` for a run whose settings are `settings`; a cache of other settings, or unreadable, starts empty. */
  static async open(file: string, settings: unknown): Promise<ScanCache> {
    const runKey = digest(JSON.stringify({ unblock: VERSION, eslint: ESLint.version, node: process.versions.modules, settings }));
    let old: Record<string, CacheEntry> = {};
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.format === FORMAT && parsed.key === runKey && parsed.entries && typeof parsed.entries === 'object') old = parsed.entries;
    } catch {
      // No cache yet, or one that is not ours any more: every file is linted, and the file rewritten.
    }
    return new ScanCache(file, runKey, old);
  }

  /** Records a file of the scan with its text, and reads what it imports. Call for every file before `lookup`. */
  add(file: string, text: string): void {
    this.#own.set(file, digest(text));
    this.#graph.add(file, text);
    this.#keys = undefined;
  }

  /** The findings a previous run recorded for `file` under the same key, if any. */
  lookup(file: string): Linter.LintMessage[] | undefined {
    const key = this.#keyOf(file);
    const entry = this.#old[file];
    if (entry?.key !== key) return undefined;
    this.#entries[file] = entry;
    return entry.messages;
  }

  store(file: string, messages: Linter.LintMessage[]): void {
    this.#entries[file] = { key: this.#keyOf(file), messages };
  }

  /** Writes the cache: only the files of this run, so that deleted files leave it. Atomic (temp file, then rename). */
  async save(): Promise<void> {
    const content: CacheFile = { format: FORMAT, key: this.#runKey, entries: this.#entries };
    await mkdir(path.dirname(this.#file), { recursive: true });
    const temp = `${this.#file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(content));
    await rename(temp, this.#file);
  }

  #keyOf(file: string): string {
    if (!this.#keys) {
      this.#readImported();
      const closure = this.#graph.closureDigests(this.#own);
      this.#keys = new Map([...this.#own.keys()].map((name) => [name, digest(`${closure.get(name) ?? ''}\0${this.#context(path.dirname(name))}`)]));
    }
    return this.#keys.get(file) ?? '';
  }

  /** The modules the scanned files import that are not scanned themselves: their text counts too. */
  #readImported(): void {
    const pending = [...this.#own.keys()].flatMap((file) => this.#graph.importsOf(file));
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (this.#own.has(file)) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        this.#own.set(file, '');
        continue;
      }
      this.add(file, text);
      pending.push(...this.#graph.importsOf(file));
    }
  }

  /** The digest of the context files in `directory` and every directory above it. */
  #context(directory: string): string {
    const known = this.#contextOf.get(directory);
    if (known !== undefined) return known;
    const parent = path.dirname(directory);
    const above = parent === directory ? '' : this.#context(parent);
    const hash = createHash('sha256').update(above);
    for (const name of CONTEXT_FILES) {
      try {
        hash.update(`${name}\0`).update(readFileSync(path.join(directory, name)));
      } catch {
        hash.update('-\0');
      }
    }
    const result = hash.digest('hex');
    this.#contextOf.set(directory, result);
    return result;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
