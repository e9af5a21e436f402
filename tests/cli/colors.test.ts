import { describe, expect, it } from 'vitest';

import { wantsColor } from '../../cli/colors.js';

const decide = (env: NodeJS.ProcessEnv, isTTY = false): boolean => wantsColor({ env, isTTY });

describe('wantsColor', () => {
  it('colours a terminal and nothing else by default', () => {
    expect(decide({}, true)).toBe(true);
    expect(decide({}, false)).toBe(false);
    expect(decide({ TERM: 'dumb' }, true)).toBe(false);
  });

  it('colours CI logs, which render ANSI', () => {
    expect(decide({ CI: 'true' })).toBe(true);
    expect(decide({ CI: '1' })).toBe(true);
    expect(decide({ CI: 'false' })).toBe(false);
    expect(decide({ CI: '' })).toBe(false);
  });

  it('lets NO_COLOR win over everything', () => {
    expect(decide({ NO_COLOR: '1', CI: 'true' }, true)).toBe(false);
    expect(decide({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(decide({ NO_COLOR: '' }, true)).toBe(true);
  });

  it('reads FORCE_COLOR=0 and FORCE_COLOR=false as off, unlike picocolors', () => {
    expect(decide({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(decide({ FORCE_COLOR: 'false', CI: 'true' }, true)).toBe(false);
    expect(decide({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(decide({ FORCE_COLOR: '3', TERM: 'dumb' }, false)).toBe(true);
  });
});
