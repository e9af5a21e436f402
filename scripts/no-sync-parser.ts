// eslint-plugin-n's `no-sync` asks for type information whenever the parser offers the
// TypeScript node maps, and throws ("requires type information") on every *Sync call when
// @typescript-eslint/parser runs without a project. This parser gives it the same syntax tree
// without them, as a JavaScript project would. The precision test and the labelled corpus's
// scorer both compare unblock with no-sync through it.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

type ParseResult = ReturnType<typeof tsParser.parseForESLint>;

export const parserForNoSync = {
  meta: { name: 'typescript-without-services' },
  parseForESLint(code: string, options?: Record<string, unknown>): Omit<ParseResult, 'services'> & { services: object } {
    const parsed: ParseResult = tsParser.parseForESLint(code, options);
    return { ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys, services: {} };
  },
} as unknown as Linter.Parser;
