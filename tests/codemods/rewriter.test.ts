import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { Rewriter } from '../../codemods/engine/rewriter.js';

const node = (start: number, end: number): TSESTree.Identifier => ({ range: [start, end] }) as TSESTree.Identifier;

describe('Rewriter.attempt', () => {
  it('keeps a unit of edits that succeeds', () => {
    const rewriter = new Rewriter('a(b(c));');
    expect(rewriter.attempt(() => rewriter.replaceRange(0, 1, 'x'))).toBeUndefined();
    expect(rewriter.toString()).toBe('x(b(c));');
  });

  it('undoes every edit, removed identifier and once-key of a unit that overlaps an earlier edit, and keeps the earlier ones', () => {
    const rewriter = new Rewriter('a(b(c));');
    const inner = node(4, 5);
    rewriter.replaceRange(2, 6, 'B');
    const failure = rewriter.attempt(() => {
      rewriter.once('key', () => rewriter.before(0, 'await '));
      rewriter.replace(node(0, 1), 'z', [inner]);
      // Splits the text that the first edit already replaced: magic-string refuses.
      rewriter.replaceRange(3, 5, 'y');
    });
    expect(failure).toBeInstanceOf(Error);
    expect(rewriter.toString()).toBe('a(B);');
    expect(rewriter.wasRemoved(inner)).toBe(false);
    expect(rewriter.hasDone('key')).toBe(false);
    // The text goes on taking edits after the undo.
    rewriter.after(8, '\n');
    expect(rewriter.toString()).toBe('a(B);\n');
  });

  it('undoes a nested unit that succeeded when the unit around it fails', () => {
    const rewriter = new Rewriter('one two three');
    rewriter.replaceRange(4, 7, 'TWO');
    const failure = rewriter.attempt(() => {
      expect(rewriter.attempt(() => rewriter.replaceRange(0, 3, 'ONE'))).toBeUndefined();
      rewriter.replaceRange(5, 6, 'w');
    });
    expect(failure).toBeInstanceOf(Error);
    expect(rewriter.toString()).toBe('one TWO three');
  });
});
