import type { Family, Severity } from './catalog/types.js';

/**
 * `settings.unblock`, shared by every rule. ESLint validates rule options against their schema
 * but never looks at `settings`, so this module validates them itself, with errors that name
 * the offending key, and caches the result per settings object.
 */

/** A blocking function exported by a module: `{ module: 'my-db', path: 'querySync' }`. */
export interface ModuleBlockingApi {
  /** `module.path.to.export`, usable in the rules' `allow` option. */
  readonly id: string;
  readonly module: string;
  readonly path: readonly string[];
  readonly family: Family;
  readonly severity: Severity;
  /** Free-text advice shown in the message ("use `client.query`"). */
  readonly replacement?: string;
}

/**
 * A blocking method of a type, in typescript-eslint's TypeOrValueSpecifier shape:
 * `{ type: { from: 'package', package: 'pg-native', name: 'Client' }, methods: ['querySync'] }`.
 * Only the type-aware configuration can see types; without it these entries are accepted and unused.
 */
export interface TypeBlockingApi {
  readonly type: Readonly<Record<string, unknown>>;
  readonly methods?: readonly string[];
  readonly family: Family;
  readonly severity: Severity;
  readonly replacement?: string;
}

/** Extra ways to register handlers. */
export type HandlerPattern =
  /** `const app = createApp(); app.route('/x', fn)`: objects made by an export whose methods register handlers. */
  | {
      readonly kind: 'registrar';
      readonly module: string;
      readonly factory: readonly string[];
      readonly construct: 'call' | 'either' | 'new';
      readonly methods: readonly string[];
      readonly framework: string;
    }
  /** Exported functions with one of these names are handlers (like AWS Lambda's `handler`). */
  | { readonly kind: 'export'; readonly names: readonly string[]; readonly framework: string }
  /** Methods carrying one of these decorators, imported from `module`, are handlers. */
  | { readonly kind: 'decorator'; readonly module: string; readonly names: readonly string[]; readonly framework: string };

export interface UnblockSettings {
  readonly moduleApis: readonly ModuleBlockingApi[];
  readonly typeApis: readonly TypeBlockingApi[];
  readonly offloadWrappers: readonly string[];
  readonly handlers: readonly HandlerPattern[];
}

export const EMPTY_SETTINGS: UnblockSettings = { moduleApis: [], typeApis: [], offloadWrappers: [], handlers: [] };

const FAMILIES: readonly Family[] = [
  'archive',
  'child_process',
  'compression',
  'crypto',
  'fs',
  'glob',
  'http',
  'password-hashing',
  'sleep',
  'spawn',
  'spreadsheet',
  'sqlite',
  'zlib',
  'user',
];

export class UnblockSettingsError extends Error {
  override readonly name = 'UnblockSettingsError';
  readonly code = 'ERR_UNBLOCK_INVALID_SETTINGS';
}

function fail(where: string, problem: string): never {
  throw new UnblockSettingsError(`unblock: settings.unblock.${where} ${problem}. See docs/settings.md.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, where: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${where}.${key}`, `is not a known key (expected one of: ${allowed.join(', ')})`);
  }
}

function nonEmptyString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'must be a non-empty string');
  return value;
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, 'must be a non-empty array of strings');
  return value.map((item, index) => nonEmptyString(item, `${where}[${index}]`));
}

/** `'a.b'` or `['a', 'b']` → `['a', 'b']`; `''` or `[]` means the module itself. */
function exportPath(value: unknown, where: string): string[] {
  if (typeof value === 'string') return value === '' ? [] : value.split('.');
  if (Array.isArray(value)) return value.map((item, index) => nonEmptyString(item, `${where}[${index}]`));
  fail(where, "must be a dotted string ('sync', 'promises.query') or an array of names");
}

function family(value: unknown, where: string): Family {
  if (value === undefined) return 'user';
  if (typeof value !== 'string' || !FAMILIES.includes(value as Family)) fail(where, `must be one of: ${FAMILIES.join(', ')}`);
  return value as Family;
}

function severity(value: unknown, where: string): Severity {
  if (value === undefined) return 'high';
  if (value !== 'high' && value !== 'low') fail(where, "must be 'high' or 'low'");
  return value;
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : nonEmptyString(value, where);
}

function parseBlockingApi(raw: unknown, where: string): ModuleBlockingApi | TypeBlockingApi {
  if (!isRecord(raw)) fail(where, 'must be an object with `module` and `path`, or with `type`');
  const replacement = optionalString(raw.replacement, `${where}.replacement`);
  const common = {
    family: family(raw.family, `${where}.family`),
    severity: severity(raw.severity, `${where}.severity`),
    ...(replacement ? { replacement } : {}),
  };
  if ('type' in raw) {
    checkKeys(raw, where, ['type', 'methods', 'family', 'severity', 'replacement']);
    if (!isRecord(raw.type) || typeof raw.type.from !== 'string') {
      fail(`${where}.type`, "must be a TypeOrValueSpecifier such as { from: 'package', package: 'pg-native', name: 'Client' }");
    }
    const methods = raw.methods === undefined ? undefined : stringList(raw.methods, `${where}.methods`);
    return { type: raw.type, ...(methods ? { methods } : {}), ...common };
  }
  checkKeys(raw, where, ['module', 'path', 'family', 'severity', 'replacement']);
  const module = nonEmptyString(raw.module, `${where}.module`);
  if (raw.path === undefined) fail(`${where}.path`, "is required: the export's path, e.g. 'querySync'");
  const normalized = module.replace(/^node:/, '');
  const path = exportPath(raw.path, `${where}.path`);
  return { id: [normalized, ...path].join('.'), module: normalized, path, ...common };
}

function parseHandler(raw: unknown, where: string): HandlerPattern {
  if (!isRecord(raw)) fail(where, 'must be an object');
  const framework = optionalString(raw.framework, `${where}.framework`);
  if ('decorators' in raw) {
    checkKeys(raw, where, ['module', 'decorators', 'framework']);
    const module = nonEmptyString(raw.module, `${where}.module`);
    return { kind: 'decorator', module, names: stringList(raw.decorators, `${where}.decorators`), framework: framework ?? module };
  }
  if ('exports' in raw) {
    checkKeys(raw, where, ['exports', 'framework']);
    return { kind: 'export', names: stringList(raw.exports, `${where}.exports`), framework: framework ?? 'custom' };
  }
  if ('methods' in raw) {
    checkKeys(raw, where, ['module', 'factory', 'construct', 'methods', 'framework']);
    const module = nonEmptyString(raw.module, `${where}.module`);
    const construct = raw.construct ?? 'either';
    if (construct !== 'call' && construct !== 'new' && construct !== 'either') fail(`${where}.construct`, "must be 'call', 'new' or 'either'");
    return {
      kind: 'registrar',
      module: module.replace(/^node:/, ''),
      factory: raw.factory === undefined ? [] : exportPath(raw.factory, `${where}.factory`),
      construct,
      methods: stringList(raw.methods, `${where}.methods`),
      framework: framework ?? module,
    };
  }
  fail(where, 'must have `methods` (with `module`), `exports`, or `decorators` (with `module`)');
}

function parse(raw: unknown): UnblockSettings {
  if (raw === undefined) return EMPTY_SETTINGS;
  if (!isRecord(raw)) throw new UnblockSettingsError('unblock: settings.unblock must be an object. See docs/settings.md.');
  checkKeys(raw, '', ['blockingApis', 'offloadWrappers', 'handlers']);
  const apis = raw.blockingApis === undefined ? [] : listOf(raw.blockingApis, 'blockingApis', parseBlockingApi);
  return {
    moduleApis: apis.filter((api): api is ModuleBlockingApi => 'module' in api),
    typeApis: apis.filter((api): api is TypeBlockingApi => 'type' in api),
    offloadWrappers: raw.offloadWrappers === undefined ? [] : stringList(raw.offloadWrappers, 'offloadWrappers'),
    handlers: raw.handlers === undefined ? [] : listOf(raw.handlers, 'handlers', parseHandler),
  };
}

function listOf<T>(value: unknown, where: string, parseItem: (item: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) fail(where, 'must be an array');
  return value.map((item, index) => parseItem(item, `${where}[${index}]`));
}

const cache = new WeakMap<object, UnblockSettings>();

/** The validated `settings.unblock` of a lint run; throws UnblockSettingsError on a mistake. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): UnblockSettings {
  const raw = settings?.unblock;
  if (raw === undefined) return EMPTY_SETTINGS;
  if (typeof raw === 'object' && raw !== null) {
    const cached = cache.get(raw);
    if (cached) return cached;
    const parsed = parse(raw);
    cache.set(raw, parsed);
    return parsed;
  }
  return parse(raw);
}
