// Targeted text edits on the original source: untouched bytes stay exactly as
// they were, and comments survive. Tracks which identifiers the edits removed,
// so that imports left unused can be dropped afterwards.
//
// Every edit is also kept in a journal, so that `attempt` can undo a failed
// unit of edits without copying the whole text first: a copy per site made a
// file with n sites cost n², and a file with 10,000 sites took minutes.

import type { TSESTree } from '@typescript-eslint/utils';
import MagicString from 'magic-string';

import { lineStartsOf } from './line-starts.js';

/** One call on the MagicString, as made: replayed in order, it rebuilds the text. */
type Edit =
  | { readonly kind: 'overwrite'; readonly start: number; readonly end: number; readonly text: string }
  | { readonly kind: 'appendLeft' | 'prependRight'; readonly at: number; readonly text: string };

export class Rewriter {
  readonly #source: string;
  #text: MagicString;
  readonly #journal: Edit[] = [];
  readonly #removed = new Set<TSESTree.Node>();
  readonly #done = new Set<unknown>();
  /** While `attempt` runs: what it added to the sets, to take back if it fails. */
  #undo: Array<() => void> | undefined;

  constructor(source: string) {
    this.#source = source;
    this.#text = new MagicString(source);
  }

  /** Replaces `node`'s text; identifiers inside it count as removed references. */
  replace(node: TSESTree.Node, replacement: string, identifiers: readonly TSESTree.Identifier[] = []): void {
    this.#apply({ kind: 'overwrite', start: node.range[0], end: node.range[1], text: replacement });
    for (const identifier of identifiers) this.#add(this.#removed, identifier);
  }

  replaceRange(start: number, end: number, replacement: string): void {
    this.#apply(start === end ? { kind: 'appendLeft', at: start, text: replacement } : { kind: 'overwrite', start, end, text: replacement });
  }

  /** Text before `node`, inside any text already inserted at that position by an enclosing edit. */
  before(node: TSESTree.Node | number, text: string): void {
    this.#apply({ kind: 'prependRight', at: typeof node === 'number' ? node : node.range[0], text });
  }

  after(node: TSESTree.Node | number, text: string): void {
    this.#apply({ kind: 'appendLeft', at: typeof node === 'number' ? node : node.range[1], text });
  }

  wasRemoved(identifier: TSESTree.Node): boolean {
    return this.#removed.has(identifier);
  }

  /** Runs `edit` once per `key`: several sites may need the same enclosing change. */
  once(key: unknown, edit: () => void): void {
    if (this.#done.has(key)) return;
    this.#add(this.#done, key);
    edit();
  }

  hasDone(key: unknown): boolean {
    return this.#done.has(key);
  }

  /**
   * Runs `edits` as one unit: when they throw (two edits that overlap), every edit they made is
   * undone and the error is returned, so that one site's failure leaves the others' edits intact.
   */
  attempt(edits: () => void): Error | undefined {
    const mark = this.#journal.length;
    const undo: Array<() => void> = [];
    const outer = this.#undo;
    this.#undo = undo;
    try {
      edits();
      outer?.push(...undo);
      return undefined;
    } catch (error) {
      for (const step of undo.reverse()) step();
      this.#rebuild(mark);
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      this.#undo = outer;
    }
  }

  get changed(): boolean {
    return this.#text.hasChanged();
  }

  toString(): string {
    return this.#text.toString();
  }

  /**
   * For each line of the source (split at `\n`), the offset in `toString()` where that line's own
   * text begins, after any text inserted before it; -1 for a line that begins inside replaced
   * text. What the edits did is known here, so no diff of the two texts is needed to carry a
   * position from one to the other (a diff costs lines × changes: minutes on a big file).
   */
  /** The rewritten text, with where each of the source's lines begins in it (see `lineStarts`). */
  rewritten(): { readonly output: string; readonly lineStarts: Int32Array } {
    const output = this.#text.toString();
    return { output, lineStarts: this.lineStarts(output) };
  }

  lineStarts(output = this.#text.toString()): Int32Array {
    const marker = [...MARKERS].find((candidate) => !output.includes(candidate));
    const starts = lineStartsOf(this.#source);
    const result = new Int32Array(starts.length).fill(-1);
    if (marker === undefined) return result;
    // Mark each line start on a copy (once, not per site) and read where the marks landed.
    const marked = this.#text.clone();
    const placed: number[] = [];
    for (const [line, start] of starts.entries()) {
      try {
        // appendRight: after what earlier edits inserted at this offset, before the line's text.
        marked.appendRight(start, marker);
        placed.push(line);
      } catch {
        // The offset is inside text an edit replaced: the line has no start of its own any more.
      }
    }
    const text = marked.toString();
    let index = -1;
    for (const [count, line] of placed.entries()) {
      index = text.indexOf(marker, index + 1);
      result[line] = index - count;
    }
    return result;
  }

  #apply(edit: Edit): void {
    // Journal first: an edit that throws half-way is dropped by the rebuild along with the rest.
    this.#journal.push(edit);
    applyEdit(this.#text, edit);
  }

  #add<T>(set: Set<T>, value: T): void {
    if (set.has(value)) return;
    set.add(value);
    this.#undo?.push(() => set.delete(value));
  }

  /** The text as the first `count` edits left it: failures are rare, so a replay is cheap overall. */
  #rebuild(count: number): void {
    this.#journal.length = count;
    this.#text = new MagicString(this.#source);
    for (const edit of this.#journal) applyEdit(this.#text, edit);
  }
}

/** Characters to mark line starts with: the first that the output does not contain. */
const MARKERS = '\u0000\uFFFF\uE000\uE001\uE002';

function applyEdit(text: MagicString, edit: Edit): void {
  switch (edit.kind) {
    case 'overwrite':
      text.overwrite(edit.start, edit.end, edit.text, { contentOnly: true });
      break;
    case 'appendLeft':
      text.appendLeft(edit.at, edit.text);
      break;
    case 'prependRight':
      text.prependRight(edit.at, edit.text);
      break;
  }
}
