// With type information, blocking methods are found on any receiver whose
// type is known to block, wherever the object came from: a better-sqlite3
// `Database` passed in from another module, a `Statement` returned by a
// helper, or a user type listed in `settings.unblock.blockingApis`.

import type * as TypeUtils from '@typescript-eslint/type-utils';
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { walk } from './ast.js';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';
import { requirePeer } from './optional-peers.js';
import { METHOD_APIS } from './catalog/index.js';
import type { MethodApiEntry } from './catalog/types.js';
import type { FileAnalysis, Finding } from './file-analysis.js';
import type { TypeBlockingApi } from './settings.js';
import type { BlockingSite } from './tracker.js';

/** The catalog's receiver names, as types declared by their packages (or @types packages). */
const RECEIVER_TYPES: Readonly<Record<string, readonly TypeOrValueSpecifier[]>> = {
  'better-sqlite3.Database': [{ from: 'package', package: 'better-sqlite3', name: 'Database' }],
  'better-sqlite3.Statement': [{ from: 'package', package: 'better-sqlite3', name: 'Statement' }],
  'better-sqlite3.Transaction': [{ from: 'package', package: 'better-sqlite3', name: 'Transaction' }],
  'sqlite.DatabaseSync': [
    { from: 'package', package: 'node:sqlite', name: ['DatabaseSync', 'Database'] },
    { from: 'package', package: 'sqlite', name: ['DatabaseSync', 'Database'] },
  ],
  'sqlite.StatementSync': [
    { from: 'package', package: 'node:sqlite', name: 'StatementSync' },
    { from: 'package', package: 'sqlite', name: 'StatementSync' },
  ],
  'adm-zip.AdmZip': [{ from: 'package', package: 'adm-zip', name: 'AdmZip' }],
};

interface Candidate {
  readonly entry: MethodApiEntry;
  readonly specifiers: readonly TypeOrValueSpecifier[];
}

/** Catalog and user entries by method name; `()` for calling the object itself. */
function candidatesByMethod(typeApis: readonly TypeBlockingApi[]): { byMethod: Map<string, Candidate[]>; anyMethod: Candidate[] } {
  const byMethod = new Map<string, Candidate[]>();
  const add = (method: string, candidate: Candidate): void => {
    const list = byMethod.get(method) ?? [];
    list.push(candidate);
    byMethod.set(method, list);
  };
  for (const entry of METHOD_APIS) {
    const specifiers = RECEIVER_TYPES[entry.receiver];
    if (specifiers) add(entry.method, { entry, specifiers });
  }
  const anyMethod: Candidate[] = [];
  for (const api of typeApis) {
    const specifier = api.type as unknown as TypeOrValueSpecifier;
    const name = typeName(specifier);
    const make = (method: string): MethodApiEntry => ({
      id: `${name}.${method}`,
      display: `${name}.${method}`,
      receiver: name,
      method,
      family: api.family,
      severity: api.severity,
      recipe: api.replacement ? { kind: 'manual', advice: api.replacement } : { kind: 'offload' },
    });
    if (api.methods) for (const method of api.methods) add(method, { entry: make(method), specifiers: [specifier] });
    else anyMethod.push({ entry: make('*'), specifiers: [specifier] });
  }
  return { byMethod, anyMethod };
}

function typeName(specifier: TypeOrValueSpecifier): string {
  if (typeof specifier === 'string') return specifier;
  const name = Array.isArray(specifier.name) ? specifier.name[0] : specifier.name;
  return specifier.from === 'package' ? `${specifier.package}.${String(name)}` : String(name);
}

export interface TypedAnalysis {
  /** Every blocking call found through types, wherever it runs (for the call graph). */
  readonly sites: readonly BlockingSite[];
  /** Those that run in an async function or a sync handler. */
  readonly findings: readonly Finding[];
}

/** Which catalog or user entry a method call is, from its receiver's type. */
export interface TypedMethodMatcher {
  /** False when no entry has a method of this name: no type lookup is needed. */
  mayMatch(method: string): boolean;
  match(receiverType: ts.Type, method: string, program: ts.Program): MethodApiEntry | undefined;
}

const matchers = new WeakMap<readonly TypeBlockingApi[], TypedMethodMatcher>();

/** The matcher for the catalog's receiver types and the user's `blockingApis` types. */
export function typedMethodMatcher(typeApis: readonly TypeBlockingApi[]): TypedMethodMatcher {
  const known = matchers.get(typeApis);
  if (known) return known;
  const { byMethod, anyMethod } = candidatesByMethod(typeApis);
  const matcher: TypedMethodMatcher = {
    mayMatch: (method) => byMethod.has(method) || (method !== '()' && anyMethod.length > 0),
    match(type, method, program) {
      const candidates = [...(byMethod.get(method) ?? []), ...(method === '()' ? [] : anyMethod)];
      const found = candidates.find((candidate) => matchesAny(type, candidate.specifiers, program));
      if (!found) return undefined;
      return found.entry.method === '*'
        ? { ...found.entry, id: found.entry.id.replace(/\*$/, method), display: found.entry.display.replace(/\*$/, method), method }
        : found.entry;
    },
  };
  matchers.set(typeApis, matcher);
  return matcher;
}

const typedCache = new WeakMap<TSESTree.Program, TypedAnalysis>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Blocking method calls found through types that the syntactic tracker did not already find, with
 * where each runs. Computed once per file; the entry dies with the file's AST.
 */
export function analyzeTypes(context: AnyContext, analysis: FileAnalysis): TypedAnalysis {
  const ast = context.sourceCode.ast;
  const cached = typedCache.get(ast);
  if (cached) return cached;
  const services = typedParserServices(context);
  const program = services.program;
  const checker = program.getTypeChecker();
  const matcher = typedMethodMatcher(analysis.settings.typeApis);
  const known = new Set<TSESTree.Node>(analysis.sites.map((site) => site.node));
  const findings: Finding[] = [];
  const sites: BlockingSite[] = [];

  for (const node of walk(ast, context.sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.CallExpression || known.has(node)) continue;
    const callee = node.callee;
    let receiver: TSESTree.Node;
    let method: string;
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
      receiver = callee.object;
      method = callee.property.name;
    } else if (callee.type === AST_NODE_TYPES.Identifier) {
      receiver = callee;
      method = '()';
    } else continue;
    // Name first: a type lookup is the expensive part, and most calls name no blocking method.
    if (!matcher.mayMatch(method)) continue;
    const entry = matcher.match(checker.getNonNullableType(services.getTypeAtLocation(receiver)), method, program);
    if (!entry) continue;
    const site: BlockingSite = { node, entry, form: 'call' };
    sites.push(site);
    const where = analysis.classifier.classify(node);
    if (where) findings.push({ site, context: where });
  }
  const result = { sites, findings };
  typedCache.set(ast, result);
  return result;
}

function matchesAny(type: ts.Type, specifiers: readonly TypeOrValueSpecifier[], program: ts.Program): boolean {
  // Loaded here, not imported: it loads TypeScript, which linting without types must not need.
  const { typeMatchesSpecifier } = requirePeer<typeof TypeUtils>('@typescript-eslint/type-utils', 'typed linting (recommended-type-checked, or the typeAware option)');
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => specifiers.some((specifier) => typeMatchesSpecifier(part, specifier, program)));
}

/**
 * The parser's services with the program and the node maps, as typescript-eslint's
 * `getParserServices` gives them; callers have checked with `requireTypeInformation` first.
 */
export function typedParserServices(context: AnyContext): ParserServicesWithTypeInformation {
  const services = context.sourceCode.parserServices;
  if (!services?.program) throw new Error('unblock: type information is needed here, but the file was parsed without it (parserOptions.projectService)');
  return services as ParserServicesWithTypeInformation;
}

/**
 * Throws, naming the rule, when the type-aware configuration runs without type information:
 * silently doing less would hide exactly the calls the configuration was chosen for.
 */
export function requireTypeInformation(context: AnyContext, ruleName: string): void {
  const services = context.sourceCode.parserServices;
  if (services?.program) return;
  throw new Error(
    `unblock/${ruleName}: the type-aware configuration (configs['recommended-type-checked'] or the \`typeAware\` option) needs type information, ` +
      'but this file was parsed without it. Set `languageOptions.parserOptions.projectService: true` (and `tsconfigRootDir`) for these files, ' +
      'or use configs.recommended. See https://typescript-eslint.io/getting-started/typed-linting',
  );
}
