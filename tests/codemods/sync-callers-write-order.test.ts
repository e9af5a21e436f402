import { describe, expect, it } from 'vitest';

import { writeOrder } from '../../codemods/sync-callers/write-order.js';

describe('writeOrder', () => {
  it('puts each caller before the helper it awaits, and keeps the given order otherwise', () => {
    expect(writeOrder(['lib/a.js', 'lib/b.js', 'routes/x.js', 'routes/y.js'], [['routes/x.js', 'lib/a.js']])).toEqual(['lib/b.js', 'routes/x.js', 'lib/a.js', 'routes/y.js']);
    expect(writeOrder(['a', 'b', 'c'], [])).toEqual(['a', 'b', 'c']);
  });

  it('orders a chain across three modules from the handler down', () => {
    // handler.js awaits render() in render.js, which awaits loadTemplate() in templates.js.
    expect(writeOrder(['render.js', 'templates.js', 'handler.js'], [['render.js', 'templates.js'], ['handler.js', 'render.js']])).toEqual(['handler.js', 'render.js', 'templates.js']);
  });

  it('writes a helper after all of its callers', () => {
    expect(writeOrder(['helper', 'b', 'a'], [['a', 'helper'], ['b', 'helper']])).toEqual(['b', 'a', 'helper']);
  });

  it('ignores pairs within one file and files it was not given', () => {
    expect(writeOrder(['a', 'b'], [['a', 'a'], ['elsewhere', 'a'], ['b', 'gone'], ['b', 'a'], ['b', 'a']])).toEqual(['b', 'a']);
  });

  it('breaks a cycle at the first file and still honours the pairs outside it', () => {
    // a and b await each other's helpers; c awaits a's.
    const order = writeOrder(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['c', 'a']]);
    expect([...order].sort()).toEqual(['a', 'b', 'c']);
    expect(order.indexOf('c')).toBeLessThan(order.indexOf('a'));
    expect(order).toHaveLength(3);
  });

  it('handles thousands of files', () => {
    const files = Array.from({ length: 5000 }, (_, index) => `f${index}`);
    const pairs = files.slice(1).map((file, index) => [file, files[index]!] as const);
    const order = writeOrder(files, pairs);
    expect(order[0]).toBe('f4999');
    expect(order.at(-1)).toBe('f0');
  });
});
