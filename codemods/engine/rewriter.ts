// Targeted text edits on the original source: untouched bytes stay exactly as
// they were, and comments survive. Tracks which identifiers the edits removed,
// so that imports left unused can be dropped afterwards.

import type { TSESTree } from '@typescript-eslint/utils';
import MagicString from 'magic-string';

export class Rewriter {
  #text: MagicString;
  #removed = new Set<TSESTree.Node>();
  #done = new Set<unknown>();

  constructor(source: string) {
    this.#text = new MagicString(source);
  }

  get text(): MagicString {
    return this.#text;
  }

  /** Replaces `node`'s text; identifiers inside it count as removed references. */
  replace(node: TSESTree.Node, replacement: string, identifiers: readonly TSESTree.Identifier[] = []): void {
    this.#text.overwrite(node.range[0], node.range[1], replacement, { contentOnly: true });
    for (const identifier of identifiers) this.#removed.add(identifier);
  }

  replaceRange(start: number, end: number, replacement: string): void {
    if (start === end) this.#text.appendLeft(start, replacement);
    else this.#text.overwrite(start, end, replacement, { contentOnly: true });
  }

  /** Text before `node`, inside any text already inserted at that position by an enclosing edit. */
  before(node: TSESTree.Node | number, text: string): void {
    this.#text.prependRight(typeof node === 'number' ? node : node.range[0], text);
  }

  after(node: TSESTree.Node | number, text: string): void {
    this.#text.appendLeft(typeof node === 'number' ? node : node.range[1], text);
  }

  wasRemoved(identifier: TSESTree.Node): boolean {
    return this.#removed.has(identifier);
  }

  /** Runs `edit` once per `key`: several sites may need the same enclosing change. */
  once(key: unknown, edit: () => void): void {
    if (this.#done.has(key)) return;
    this.#done.add(key);
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
    const text = this.#text.clone();
    const removed = new Set(this.#removed);
    const done = new Set(this.#done);
    try {
      edits();
      return undefined;
    } catch (error) {
      this.#text = text;
      this.#removed = removed;
      this.#done = done;
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  get changed(): boolean {
    return this.#text.hasChanged();
  }

  toString(): string {
    return this.#text.toString();
  }
}
