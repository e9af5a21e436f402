// Which files `unblock fix` must analyse, and which the whole-program codemod must load, worked
// out backwards from what can block. Every file is read once into an import graph (a regex and a
// resolver, no parse): only a file that imports, at any depth, a module naming something that
// blocks can have a call the rules report across modules; and only the files holding a blocking
// call, with every file that imports them, can hold a call the whole-program codemod rewrites or
// a caller it must see. The rest of a large tree never meets the analysis or the program.

import { readFile, realpath } from 'node:fs/promises';

import { mayCallBlockingApi } from '../../analysis/prefilter.js';
import { loadAhead } from '../read-ahead.js';
import { ImportGraph } from '../../analysis/module-graph/import-graph.js';


export interface ProgramFiles {
  /** Files of this run the codemod may rewrite. */
  readonly editable: readonly string[];
  /** Files it reads for their calls only: other shards', generated ones, the package's other scripts. */
  readonly readOnly: readonly string[];
  /**
   * What the files holding a blocking call import directly, and is neither of the above: read for
   * its types (what a helper returns decides whether it can cross to a worker). The program loads
   * nothing else of the project (`followImports: false`): a deeper module's values are typed
   * `any`, where the cloneability check falls back to what the code shows. Following imports at
   * any depth put 476 modules into the program of 2,000 real package files, for the same fixes.
   */
  readonly context: readonly string[];
}

/** Files of the program that share imports with one another and with no other file of it. */
export interface ProgramPart extends ProgramFiles {
  /** The project files the part parses: its files and what they import, at any depth. */
  readonly parsed: readonly string[];
}

export class ProgramScope {
  readonly #graph = new ImportGraph();
  /**
   * The graph is keyed by real paths, as the resolver gives them (a symbolic link in the project's
   * path would otherwise hide a file's importers); the run names files by the paths it found.
   * Only the paths that differ are kept.
   */
  readonly #realOf = new Map<string, string>();
  readonly #foundAs = new Map<string, string>();
  /** Real paths of the files whose text names a module that can block (`mayCallBlockingApi`). */
  readonly #naming = new Set<string>();
  /** Bytes of each file's text, by real path, for the heap estimate. */
  readonly #sizes = new Map<string, number>();
  #reaching: Set<string> | undefined;

  /**
   * Reads `files` into the graph, a few at a time (the reads, not the regex, are what take time);
   * a file that cannot be read imports nothing. `stop` ends it early (an interrupted run).
   */
  async addAll(files: readonly string[], stop: () => boolean = () => false): Promise<void> {
    const load = async (file: string) => ({ file, real: await realpath(file).catch(() => file), text: await readFile(file, 'utf8').catch(() => '') });
    for await (const { file, real, text } of loadAhead(files, load)) {
      if (stop()) break;
      this.#add(file, real, text);
    }
  }

  #add(file: string, real: string, content: string): void {
    if (real !== file) {
      this.#realOf.set(file, real);
      if (!this.#foundAs.has(real)) this.#foundAs.set(real, file);
    }
    if (this.#sizes.has(real)) return;
    this.#graph.add(real, content);
    this.#sizes.set(real, Buffer.byteLength(content));
    if (mayCallBlockingApi(content)) this.#naming.add(real);
    this.#reaching = undefined;
  }

  /**
   * Reads the project files that the files read so far import but that were not among them (a
   * module outside the paths given, a workspace package), at any depth: what they name decides
   * what their importers can reach.
   */
  async addImported(): Promise<void> {
    let added = [...this.#sizes.keys()];
    while (added.length > 0) {
      const unread = new Set(added.flatMap((file) => this.#graph.importsOf(file)).filter((target) => !this.#sizes.has(target)));
      await this.addAll([...unread]);
      added = [...unread];
    }
  }

  /**
   * False when neither `file` nor anything it imports, at any depth, names a module that can
   * block: the analysis would follow its imports and find nothing (module-graph.ts reasons the
   * same way), so nothing in it is reported across modules.
   */
  canReachBlocking(file: string): boolean {
    this.#reaching ??= this.#graph.importersClosure(this.#naming);
    return this.#reaching.has(this.#real(file));
  }

  /** True when the text of `file` names a module that can block. */
  namesBlocking(file: string): boolean {
    return this.#naming.has(this.#real(file));
  }

  /** Every file read whose text names a module that can block, as the run found it. */
  *filesNamingBlocking(): Iterable<string> {
    for (const real of this.#naming) yield this.#foundAs.get(real) ?? real;
  }

  /**
   * The program for `seeds` (files holding a blocking call inside a function): the files of this
   * run that hold one or call into one, at any depth, are editable (`mayEdit` says whether a file
   * is of this run and open to rewriting); everything that imports an editable file, at any
   * depth, is read as a caller, so that no caller of a rewritten helper goes unseen; and what the
   * seeds import directly is read for its types. Nothing else: a router index that imports every
   * route would otherwise bring the whole tree into the program.
   */
  programFor(seeds: Iterable<string>, mayEdit: (file: string) => boolean, mayRead: (file: string) => boolean): ProgramFiles {
    const reaching = this.#graph.importersClosure([...seeds].map((file) => this.#real(file)));
    const editable = [...reaching].map((real) => this.#foundAs.get(real) ?? real).filter(mayEdit);
    const editableReal = new Set(editable.map((file) => this.#real(file)));
    const readOnly: string[] = [];
    for (const real of this.#graph.importersClosure(editableReal)) {
      if (editableReal.has(real)) continue;
      const file = this.#foundAs.get(real) ?? real;
      if (mayRead(file)) readOnly.push(file);
    }
    const inProgram = new Set([...editableReal, ...readOnly.map((file) => this.#real(file))]);
    const imported = new Set([...seeds].flatMap((file) => this.#graph.importsOf(this.#real(file))));
    const context = [...imported].filter((real) => !inProgram.has(real)).map((real) => this.#foundAs.get(real) ?? real);
    return { editable, readOnly, context };
  }

  /**
   * The program cut into parts that share no import at any depth, either way: a call in one part
   * cannot resolve to a function of another, so each is a program of its own, and only one need
   * be in memory at a time. Each part lists the project files it parses (`parsed`: its files and
   * their context). Parts come in the order of their first editable file.
   */
  parts(program: ProgramFiles): ProgramPart[] {
    const parsed = new Set([...program.editable, ...program.readOnly, ...program.context].map((file) => this.#real(file)));
    // Union-find over the import edges inside the program.
    const parent = new Map<string, string>();
    const find = (file: string): string => {
      let root = file;
      while (parent.get(root) !== root) root = parent.get(root)!;
      for (let at = file; at !== root; ) {
        const next = parent.get(at)!;
        parent.set(at, root);
        at = next;
      }
      return root;
    };
    for (const file of parsed) parent.set(file, file);
    for (const file of parsed) for (const target of this.#graph.importsOf(file)) if (parent.has(target)) parent.set(find(file), find(target));
    const byRoot = new Map<string, { editable: string[]; readOnly: string[]; context: string[]; parsed: string[] }>();
    const partOf = (real: string) => {
      const root = find(real);
      let part = byRoot.get(root);
      if (!part) {
        part = { editable: [], readOnly: [], context: [], parsed: [] };
        byRoot.set(root, part);
      }
      return part;
    };
    for (const file of program.editable) partOf(this.#real(file)).editable.push(file);
    for (const file of program.readOnly) partOf(this.#real(file)).readOnly.push(file);
    for (const file of program.context) partOf(this.#real(file)).context.push(file);
    for (const real of parsed) partOf(real).parsed.push(this.#foundAs.get(real) ?? real);
    return [...byRoot.values()];
  }

  /** Bytes of text of `file` as read, 0 when it was not. */
  sizeOf(file: string): number {
    return this.#sizes.get(this.#real(file)) ?? 0;
  }

  #real(file: string): string {
    return this.#realOf.get(file) ?? file;
  }
}
