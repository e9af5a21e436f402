// "Can anything this module reaches block?", answered from text alone: the module, or a project
// module it imports at any depth, names a blocking API. A "no" spares the module its parse, and
// most modules of a service are a "no".
//
// One depth-first walk per question, over the modules' quick import lists. Import cycles are
// common (models that import each other, vendored stream libraries), so every module the walk
// settles keeps its answer: on a "yes" each module on the path to the one that names the API, on
// a "no" every module the walk saw, since together they are closed under import. Before this, a
// "no" inside a cycle was never kept and each question walked the cycle again: on one real
// service, 10,600 file reads for 636 files.

import { readFileSync } from 'node:fs';

import { mayCallBlockingApi } from '../prefilter.js';
import type { UnblockSettings } from '../settings.js';
import { quickProjectImports } from './quick-imports.js';
import { sameStamp, type Stamp } from './stamp.js';

/** Stamps of the files an answer was read from: it holds while none of them changed. */
export type Reads = Map<string, Stamp | undefined>;

interface Dependencies {
  readonly settings: UnblockSettings;
  /** The file's stamp, undefined when it cannot be read; cached by the caller per look at the disk. */
  readonly stat: (file: string) => Stamp | undefined;
  /** The project file a specifier names, undefined for packages, built-ins and what does not resolve. */
  readonly resolve: (fromFile: string, specifier: string) => string | undefined;
  /** Modules larger than this are generated code: not read on. */
  readonly maxBytes: number;
  /** Answers (and module texts) kept at once. */
  readonly maxEntries: number;
  /** Modules read in one walk before giving up and answering "yes": parse rather than read on. */
  readonly maxVisits: number;
}

/** What one module's text says: whether it names a blocking API, and the project files it imports. */
interface QuickModule {
  readonly stamp: Stamp | undefined;
  readonly names: boolean;
  readonly imports: readonly string[];
}

interface Answer {
  readonly value: boolean;
  readonly reads: ReadonlyMap<string, Stamp | undefined>;
}

/** A module on the walk's current path, with the next of its imports to look at. */
interface Frame {
  readonly file: string;
  readonly stamp: Stamp | undefined;
  readonly imports: readonly string[];
  next: number;
}

export class BlockingReach {
  readonly #deps: Dependencies;
  readonly #modules = new Map<string, QuickModule>();
  readonly #answers = new Map<string, Answer>();

  constructor(deps: Dependencies) {
    this.#deps = deps;
  }

  /**
   * Whether `file`, whose text is `text` (read from disk when not given), or any project module
   * it imports names a blocking API. Adds to `reads` the stamp of every other file the answer
   * rests on.
   */
  reaches(file: string, text: string | undefined, reads: Reads): boolean {
    const known = this.#answer(file);
    if (known) return this.#use(known, file, reads);
    const root = text === undefined ? this.#read(file) : this.#quick(file, text);
    if (!root) return false;
    if (root.names) return this.#keep([file], { value: true, reads: new Map([[file, root.stamp]]) }, file, reads);
    const seen: Reads = new Map([[file, root.stamp]]);
    const path: Frame[] = [{ file, stamp: root.stamp, imports: root.imports, next: 0 }];
    while (path.length > 0) {
      const frame = path.at(-1)!;
      if (frame.next >= frame.imports.length) {
        path.pop();
        continue;
      }
      const imported = frame.imports[frame.next++]!;
      if (seen.has(imported)) continue;
      const answered = this.#answer(imported);
      if (answered && !answered.value) {
        for (const [read, stamp] of answered.reads) seen.set(read, stamp);
        continue;
      }
      const quick = answered ? undefined : this.#read(imported);
      if (!answered && quick === undefined) {
        seen.set(imported, this.#deps.stat(imported));
        continue;
      }
      if (answered?.value || quick?.names) {
        // Every module on the path leads here: each keeps a "yes" resting on the path below it.
        const tail: Reads = new Map(answered ? answered.reads : [[imported, quick!.stamp]]);
        for (let index = path.length - 1; index > 0; index--) {
          const on = path[index]!;
          tail.set(on.file, on.stamp);
          this.#answers.set(on.file, { value: true, reads: new Map(tail) });
        }
        tail.set(file, root.stamp);
        return this.#keep([file], { value: true, reads: tail }, file, reads);
      }
      seen.set(imported, quick!.stamp);
      // A very wide web of modules that name nothing blocking is rare; past this, parse rather than read on.
      if (seen.size > this.#deps.maxVisits) return true;
      path.push({ file: imported, stamp: quick!.stamp, imports: quick!.imports, next: 0 });
    }
    // The walk saw everything `file` reaches, and everything those reach: all of it is a "no".
    return this.#keep(seen.keys(), { value: false, reads: seen }, file, reads);
  }

  /** Forgets every answer and module: they rest on how imports resolved, which may have changed. */
  clear(): void {
    this.#answers.clear();
    this.#modules.clear();
  }

  #use(answer: Answer, file: string, reads: Reads): boolean {
    for (const [read, stamp] of answer.reads) if (read !== file) reads.set(read, stamp);
    return answer.value;
  }

  /** Keeps `answer` for each of `files`, and gives it for `file`. */
  #keep(files: Iterable<string>, answer: Answer, file: string, reads: Reads): boolean {
    for (const each of files) this.#answers.set(each, answer);
    this.#bound();
    return this.#use(answer, file, reads);
  }

  /** A kept answer, when none of the files it was read from changed. */
  #answer(file: string): Answer | undefined {
    const answer = this.#answers.get(file);
    if (!answer) return undefined;
    for (const [read, stamp] of answer.reads) {
      if (!sameStamp(this.#deps.stat(read), stamp)) {
        this.#answers.delete(file);
        return undefined;
      }
    }
    return answer;
  }

  /** The quick view of a module given its text (the one the caller read). */
  #quick(file: string, text: string): QuickModule {
    const stamp = this.#deps.stat(file);
    const known = this.#modules.get(file);
    if (known && stamp && sameStamp(known.stamp, stamp)) return known;
    return this.#remember(file, text, stamp);
  }

  /** The quick view of an imported module, read from disk; undefined when unreadable or generated-sized. */
  #read(file: string): QuickModule | undefined {
    const stamp = this.#deps.stat(file);
    if (!stamp || stamp.size > this.#deps.maxBytes) return undefined;
    const known = this.#modules.get(file);
    if (known && sameStamp(known.stamp, stamp)) return known;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return this.#remember(file, text, stamp);
  }

  #remember(file: string, text: string, stamp: Stamp | undefined): QuickModule {
    const quick: QuickModule = { stamp, names: mayCallBlockingApi(text, this.#deps.settings), imports: quickProjectImports(file, text, this.#deps.resolve) };
    this.#modules.delete(file);
    this.#modules.set(file, quick);
    if (this.#modules.size > this.#deps.maxEntries) this.#modules.delete(this.#modules.keys().next().value!);
    return quick;
  }

  #bound(): void {
    while (this.#answers.size > this.#deps.maxEntries) this.#answers.delete(this.#answers.keys().next().value!);
  }
}
