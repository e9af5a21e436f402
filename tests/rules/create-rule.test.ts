// createRule's options: the user's merged over meta.defaultOptions, worked out once per option
// object (ESLint passes the same objects for every file of a config), never mixed between configs.

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../rules/util/create-rule.js';

type Options = [{ limit: number; nested: { on: boolean; names: string[] } }];

function probe() {
  const seen: Options[0][] = [];
  const rule = createRule<Options, never>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'records its options' },
      messages: {},
      schema: [{ type: 'object', additionalProperties: true }],
      defaultOptions: [{ limit: 1, nested: { on: false, names: ['a'] } }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

function lintTwice(rule: ReturnType<typeof probe>['rule'], entry: Linter.RuleEntry): void {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ plugins: { p: { rules: { probe: rule } } as never }, rules: { 'p/probe': entry } }];
  linter.verify('a;', config, 'one.js');
  linter.verify('b;', config, 'two.js');
}

describe('createRule options', () => {
  it('gives the defaults when none are configured, the same copy for each file', () => {
    const { rule, seen } = probe();
    lintTwice(rule, 'error');
    expect(seen).toEqual([
      { limit: 1, nested: { on: false, names: ['a'] } },
      { limit: 1, nested: { on: false, names: ['a'] } },
    ]);
    expect(seen[0]).toBe(seen[1]);
  });

  it('merges each configuration’s options over the defaults, without mixing them', () => {
    const { rule, seen } = probe();
    lintTwice(rule, ['error', { nested: { on: true } }]);
    lintTwice(rule, ['error', { limit: 5 }]);
    expect(seen.map((options) => [options.limit, options.nested.on, options.nested.names])).toEqual([
      [1, true, ['a']],
      [1, true, ['a']],
      [5, false, ['a']],
      [5, false, ['a']],
    ]);
  });
});
