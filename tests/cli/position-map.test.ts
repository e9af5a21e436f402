import { describe, expect, it } from 'vitest';

import { positionMap } from '../../cli/fix/position-map.js';

describe('positionMap', () => {
  it('is the identity for identical texts', () => {
    expect(positionMap('a\nb\n', 'a\nb\n')({ line: 2, column: 1 })).toEqual({ line: 2, column: 1 });
  });

  it('follows unchanged lines past inserted and removed ones', () => {
    const map = positionMap('one\ntwo\nthree\n', 'zero\none\nthree\n');
    expect(map({ line: 1, column: 2 })).toEqual({ line: 2, column: 2 });
    expect(map({ line: 3, column: 4 })).toEqual({ line: 3, column: 4 });
  });

  it('follows a column through an edit on the same line', () => {
    const from = 'x = fs.readFileSync(a) + fs.readFileSync(0);\n';
    const to = 'x = await readFile(a) + fs.readFileSync(0);\n';
    expect(map(from, to, 1, from.lastIndexOf('fs.') + 1)).toEqual({ line: 1, column: to.lastIndexOf('fs.') + 1 });
  });

  it('works with CRLF line endings', () => {
    expect(positionMap('a\r\nb\r\n', 'z\r\na\r\nb\r\n')({ line: 2, column: 1 })).toEqual({ line: 3, column: 1 });
  });
});

function map(from: string, to: string, line: number, column: number) {
  return positionMap(from, to)({ line, column });
}
