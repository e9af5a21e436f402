import { describe, expect, it } from 'vitest';

import { applyCodemods } from '../../cli/fix/stages.js';
import type { Codemod, FileResult } from '../../codemods/engine/types.js';

const codemod = (name: string, transform: (source: string) => FileResult): Codemod => ({ name, description: name, transform });
const site = { line: 1, column: 1, api: 'x', family: 'fs' as const };

describe('applyCodemods', () => {
  it('feeds each codemod the output of the one before', () => {
    const seen: string[] = [];
    const first = codemod('first', (source) => (seen.push(source), { output: `${source}b`, fixed: [site], left: [] }));
    const second = codemod('second', (source) => (seen.push(source), { output: `${source}c`, fixed: [], left: [] }));
    expect(applyCodemods('a', 'f.js', [first, second]).output).toBe('abc');
    expect(seen).toEqual(['a', 'ab']);
  });

  it('hands the codemods the text without its BOM and puts the BOM back', () => {
    const seen: string[] = [];
    const strip = codemod('strip', (source) => (seen.push(source), { output: source.toUpperCase(), fixed: [], left: [] }));
    expect(applyCodemods('\uFEFFabc', 'f.js', [strip]).output).toBe('\uFEFFABC');
    expect(seen).toEqual(['abc']);
  });

  it('drops an output that does not re-parse and goes on with the last good text', () => {
    const good = codemod('good', (source) => ({ output: `${source}1`, fixed: [site], left: [] }));
    const bad = codemod('bad', () => ({ fixed: [], left: [{ ...site, reason: 'would not parse' }], error: { kind: 'reparse', message: 'nope' } }));
    const result = applyCodemods('a', 'f.js', [good, bad]);
    expect(result.output).toBe('a1');
    expect(result.failures).toEqual([{ kind: 'reparse', codemod: 'bad', message: 'nope' }]);
    expect(result.left).toHaveLength(1);
  });

  it('leaves the file alone when a codemod throws or the input does not parse', () => {
    const good = codemod('good', (source) => ({ output: `${source}1`, fixed: [site], left: [] }));
    const crash = codemod('crash', () => {
      throw new Error('bug');
    });
    const crashed = applyCodemods('a', 'f.js', [good, crash]);
    expect(crashed.output).toBeUndefined();
    expect(crashed.failures).toEqual([{ kind: 'crash', codemod: 'crash', message: 'crash failed: bug; the file was left as it was' }]);

    const unparsable = codemod('p', () => ({ fixed: [], left: [], error: { kind: 'parse', message: 'bad', line: 1, column: 2 } }));
    expect(applyCodemods('a', 'f.js', [unparsable, good])).toEqual({ fixed: [], left: [], failures: [{ kind: 'parse', message: 'bad', line: 1, column: 2 }] });
  });
});
