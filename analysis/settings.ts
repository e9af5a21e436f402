import { createRequire } from 'node:module';

import type { Ajv as AjvClass, ErrorObject, SchemaObject, ValidateFunction } from 'ajv';

import type { Family, Severity } from './catalog/types.js';
import { customFramework, type Framework } from './frameworks/frameworks.js';
import type { HandlerFamily } from './frameworks/types.js';
import { SETTINGS_SCHEMA } from './settings-schema.js';

/**
 * `settings.unblock`, shared by every rule. ESLint validates rule options against their schema
 * but never looks at `settings`, so this module validates them against SETTINGS_SCHEMA itself,
 * with errors that name the offending key, and caches the result per settings object.
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
      readonly framework: Framework;
    }
  /** Exported functions with one of these names are handlers (like AWS Lambda's `handler`). */
  | { readonly kind: 'export'; readonly names: readonly string[]; readonly framework: Framework }
  /** Methods carrying one of these decorators, imported from `module`, are handlers. */
  | { readonly kind: 'decorator'; readonly module: string; readonly names: readonly string[]; readonly framework: Framework };

export interface UnblockSettings {
  readonly moduleApis: readonly ModuleBlockingApi[];
  readonly typeApis: readonly TypeBlockingApi[];
  readonly offloadWrappers: readonly string[];
  readonly handlers: readonly HandlerPattern[];
  /** Handler families turned off (`settings.unblock.handlerFamilies: { messaging: false }`). */
  readonly disabledFamilies: ReadonlySet<HandlerFamily>;
}

export const EMPTY_SETTINGS: UnblockSettings = { moduleApis: [], typeApis: [], offloadWrappers: [], handlers: [], disabledFamilies: new Set() };

export class UnblockSettingsError extends Error {
  override readonly name = 'UnblockSettingsError';
  readonly code = 'ERR_UNBLOCK_INVALID_SETTINGS';
}

let validator: ValidateFunction | undefined;

/**
 * The compiled schema, built the first time a config has `settings.unblock`: loading ajv and
 * compiling the schema took 80 ms of every ESLint run's start, and most configs have no settings.
 */
function validate(): ValidateFunction {
  if (!validator) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    validator = new Ajv({ allErrors: false, strict: false }).compile(SETTINGS_SCHEMA);
  }
  return validator;
}

/** `/blockingApis/0/path` → `blockingApis[0].path`. */
function settingsPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** One readable sentence naming the key, from the first ajv error that is not an if/then wrapper. */
function describeError(errors: readonly ErrorObject[]): string {
  const error = errors.find((candidate) => candidate.keyword !== 'if') ?? errors[0]!;
  const where = settingsPath(error.instancePath);
  const at = (key: string) => `settings.unblock${where ? `.${where}` : ''}.${key}`;
  const self = `settings.unblock${where ? `.${where}` : ''}`;
  switch (error.keyword) {
    case 'required':
      return `${at(String(error.params.missingProperty))} is required`;
    case 'additionalProperties': {
      const allowed = Object.keys((schemaAt(error.schemaPath)?.properties as Record<string, unknown> | undefined) ?? {});
      return `${at(String(error.params.additionalProperty))} is not a known key${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
    }
    case 'enum':
      return `${self} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'minLength':
      return `${self} must be a non-empty string`;
    case 'minItems':
      return `${self} must not be empty`;
    case 'type':
      return `${self} must be ${String(error.params.type) === 'array' || String(error.params.type) === 'object' ? 'an' : 'a'} ${String(error.params.type)}`;
    default:
      return `${self} ${error.message ?? 'is invalid'}`;
  }
}

/** The sub-schema an ajv `schemaPath` (`#/properties/handlers/items/else/additionalProperties`) points into. */
function schemaAt(schemaPath: string): SchemaObject | undefined {
  let node: unknown = SETTINGS_SCHEMA;
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node as SchemaObject | undefined;
}

/** `'a.b'` or `['a', 'b']` → `['a', 'b']`; `''` means the module itself. */
function exportPath(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? (value === '' ? [] : value.split('.')) : [...value];
}

interface RawSettings {
  blockingApis?: Array<{ module?: string; path?: string | string[]; type?: Record<string, unknown>; methods?: string[]; family?: Family; severity?: Severity; replacement?: string }>;
  offloadWrappers?: string[];
  handlers?: Array<{ module?: string; factory?: string | string[]; construct?: 'call' | 'either' | 'new'; methods?: string[]; exports?: string[]; decorators?: string[]; framework?: string }>;
  handlerFamilies?: Partial<Record<HandlerFamily, boolean>>;
}

/** Validates against SETTINGS_SCHEMA, then normalises: defaults, split paths, no `node:` prefix. */
function parse(raw: unknown): UnblockSettings {
  const check = validate();
  if (!check(raw)) {
    throw new UnblockSettingsError(`unblock: ${describeError(check.errors ?? [])}. See docs/settings.md.`);
  }
  const settings = raw as RawSettings;
  const moduleApis: ModuleBlockingApi[] = [];
  const typeApis: TypeBlockingApi[] = [];
  for (const api of settings.blockingApis ?? []) {
    const common = { family: api.family ?? 'user', severity: api.severity ?? 'high', ...(api.replacement ? { replacement: api.replacement } : {}) } as const;
    if (api.type) {
      typeApis.push({ type: api.type, ...(api.methods ? { methods: api.methods } : {}), ...common });
    } else {
      const module = api.module!.replace(/^node:/, '');
      const path = exportPath(api.path);
      moduleApis.push({ id: [module, ...path].join('.'), module, path, ...common });
    }
  }
  const handlers: HandlerPattern[] = (settings.handlers ?? []).map((pattern) => {
    if (pattern.exports) return { kind: 'export', names: pattern.exports, framework: customFramework(pattern.framework ?? 'custom') };
    const module = pattern.module!.replace(/^node:/, '');
    if (pattern.decorators) return { kind: 'decorator', module, names: pattern.decorators, framework: customFramework(pattern.framework ?? module) };
    return {
      kind: 'registrar',
      module,
      factory: exportPath(pattern.factory),
      construct: pattern.construct ?? 'either',
      methods: pattern.methods!,
      framework: customFramework(pattern.framework ?? module),
    };
  });
  const disabledFamilies = new Set(
    Object.entries(settings.handlerFamilies ?? {})
      .filter(([, enabled]) => enabled === false)
      .map(([family]) => family as HandlerFamily),
  );
  return { moduleApis, typeApis, offloadWrappers: settings.offloadWrappers ?? [], handlers, disabledFamilies };
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
