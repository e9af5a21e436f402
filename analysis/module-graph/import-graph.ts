// Which of a set of files import which, read from their text without parsing them (quick-imports)
// and resolved as the module graph resolves (resolver.ts): the project's own modules only. It is
// a superset of what the analysis follows across modules, which is what both of its users need:
// `unblock fix` loads into its program only the files that can reach a blocking site or call into
// one, and `unblock scan --cache` treats a file's result as stale when anything it imports, at any
// depth, changed.

import { createHash } from 'node:crypto';

import { quickProjectImports } from './quick-imports.js';
import { stronglyConnected } from './strongly-connected.js';
import { ProjectResolver } from './resolver.js';

export class ImportGraph {
  /** File → the project files it imports (only those read into the graph have entries). */
  readonly #imports = new Map<string, readonly string[]>();
  #importers: Map<string, string[]> | undefined;
  readonly #resolver: ProjectResolver;

  constructor(resolver = new ProjectResolver()) {
    this.#resolver = resolver;
  }

  /** Records what `file` imports, given its text. Specifiers that lead nowhere in the project are dropped. */
  add(file: string, text: string): void {
    const resolved = (fromFile: string, specifier: string): string | undefined => {
      const resolution = this.#resolver.resolve(fromFile, specifier);
      return resolution.ok ? resolution.file : undefined;
    };
    this.#imports.set(file, quickProjectImports(file, text, resolved));
    this.#importers = undefined;
  }

  has(file: string): boolean {
    return this.#imports.has(file);
  }

  /** The files `file` imports directly (those resolved to project files, read or not). */
  importsOf(file: string): readonly string[] {
    return this.#imports.get(file) ?? [];
  }

  /** The files that import `file` directly. */
  importersOf(file: string): readonly string[] {
    if (!this.#importers) {
      this.#importers = new Map();
      for (const [from, targets] of this.#imports) {
        for (const target of targets) {
          const list = this.#importers.get(target);
          if (list) list.push(from);
          else this.#importers.set(target, [from]);
        }
      }
    }
    return this.#importers.get(file) ?? [];
  }

  /** `seeds` and every file that imports one of them, at any depth. */
  importersClosure(seeds: Iterable<string>): Set<string> {
    return walk(seeds, (file) => this.importersOf(file));
  }

  /** `seeds` and every file one of them imports, at any depth. */
  importsClosure(seeds: Iterable<string>): Set<string> {
    return walk(seeds, (file) => this.importsOf(file));
  }

  /**
   * A digest per file that changes when its own digest (`own`) or that of any file it imports, at
   * any depth, changes: a Merkle hash over the graph, with each import cycle hashed as one node so
   * that every member of a cycle depends on all of them. Files with no `own` digest (not read)
   * count as absent: their appearing changes their importers' digests too. Linear in the graph.
   */
  closureDigests(own: ReadonlyMap<string, string>): Map<string, string> {
    const components = stronglyConnected([...this.#imports.keys(), ...own.keys()], (file) => this.importsOf(file));
    const componentOf = new Map<string, number>();
    components.forEach((members, index) => {
      for (const member of members) componentOf.set(member, index);
    });
    // Tarjan's algorithm yields each component after every component it reaches: hash in that order.
    const digestOfComponent: string[] = [];
    const digests = new Map<string, string>();
    components.forEach((members, index) => {
      const hash = createHash('sha256');
      const sorted = [...members].sort();
      for (const member of sorted) hash.update(`${member}\0${own.get(member) ?? '-'}\0`);
      const reached = new Set<number>();
      for (const member of sorted) {
        for (const target of this.importsOf(member)) {
          const component = componentOf.get(target)!;
          if (component !== index) reached.add(component);
        }
      }
      for (const component of [...reached].sort((a, b) => a - b)) hash.update(digestOfComponent[component]!);
      const digest = hash.digest('hex');
      digestOfComponent[index] = digest;
      for (const member of members) digests.set(member, digest);
    });
    return digests;
  }
}

function walk(seeds: Iterable<string>, next: (file: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const other of next(file)) if (!seen.has(other)) stack.push(other);
  }
  return seen;
}
