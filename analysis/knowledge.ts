import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from './estree.js';
import { FACTORIES, METHOD_APIS, MODULE_APIS, TRANSITIONS } from './catalog/index.js';
import type { ApiEntry, InstanceFactory, MethodApiEntry, ModuleApiEntry, TypeTransition } from './catalog/types.js';
import {
  FRAMEWORK_FACTORIES,
  FRAMEWORK_TRANSITIONS,
  HANDLER_REGISTRARS,
  PLUGIN_REGISTRARS,
} from './frameworks/data.js';
import type { HandlerRegistrar, PluginRegistrar } from './frameworks/types.js';
import { isRelativeSpecifier, localModuleKey, localModuleName, normalizeModuleSpecifier } from './module-specifier.js';
import { OFFLOAD_POINTS, RUNTIME_FACTORIES, type OffloadPoint } from './runtime-api.js';
import type { ExportShape } from './module-graph/shapes.js';
import type { UnblockSettings } from './settings.js';

/**
 * What the tracker knows a value to be. Values start at a module's exports and change as the
 * code reads members, calls functions and constructs objects.
 */
export type TrackedValue =
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  | { readonly kind: 'instance'; readonly type: string }
  | { readonly kind: 'method'; readonly type: string; readonly method: string }
  /** `f.call` / `f.apply`: calling it calls `target`. */
  | { readonly kind: 'invoke'; readonly target: TrackedValue }
  /** `f.bind`: calling it returns `target`. */
  | { readonly kind: 'bind'; readonly target: TrackedValue }
  /** An export of one of the project's own modules (or a value made from one), summarised by the module graph. */
  | { readonly kind: 'project'; readonly shape: ExportShape };

/** What calling a tracked value does. */
export interface CallOutcome {
  blocking?: ApiEntry;
  result?: TrackedValue;
  registrar?: HandlerRegistrar;
  plugin?: PluginRegistrar;
  /** The call sends one of its arguments, a function, to a worker (`offload(fn)`). */
  offload?: OffloadPoint;
}

interface PathFacts {
  apis: ModuleApiEntry[];
  factories: InstanceFactory[];
  registrars: HandlerRegistrar[];
  plugins: PluginRegistrar[];
  offloads: OffloadPoint[];
}

interface MethodFacts {
  api?: MethodApiEntry;
  transition?: TypeTransition;
  registrar?: HandlerRegistrar;
  plugin?: PluginRegistrar;
  offload?: OffloadPoint;
}

/**
 * Every table the tracker learns from: the catalog, the framework data and the runtime's own API.
 * Knowledge indexes them, and the text pre-filter (prefilter.ts) derives its module list from
 * them, so a table added here reaches both.
 */
export const TABLES = {
  moduleApis: MODULE_APIS,
  methodApis: METHOD_APIS,
  factories: [...FACTORIES, ...FRAMEWORK_FACTORIES, ...RUNTIME_FACTORIES],
  transitions: [...TRANSITIONS, ...FRAMEWORK_TRANSITIONS],
  registrars: HANDLER_REGISTRARS,
  plugins: PLUGIN_REGISTRARS,
  offloads: OFFLOAD_POINTS,
} as const satisfies {
  readonly moduleApis: readonly ModuleApiEntry[];
  readonly methodApis: readonly MethodApiEntry[];
  readonly factories: readonly InstanceFactory[];
  readonly transitions: readonly TypeTransition[];
  readonly registrars: readonly HandlerRegistrar[];
  readonly plugins: readonly PluginRegistrar[];
  readonly offloads: readonly OffloadPoint[];
};

const SEP = '\u0000';
const pathKey = (path: readonly string[]): string => path.join(SEP);

/**
 * The catalog, the framework data and the user's settings, indexed for the tracker. Built once per
 * distinct settings object and shared by every file linted with it.
 */
export class Knowledge {
  private readonly paths = new Map<string, Map<string, PathFacts>>();
  private readonly prefixes = new Map<string, Set<string>>();
  private readonly methods = new Map<string, Map<string, MethodFacts>>();
  /** Whether a settings entry names a project file, so that relative imports need resolving. */
  private hasLocalModules = false;

  /** What a settings entry's relative `module` is relative to: where ESLint runs. */
  private readonly cwd: string;

  constructor(settings: UnblockSettings, cwd: string = process.cwd()) {
    this.cwd = cwd;
    for (const api of TABLES.moduleApis) for (const module of api.modules) this.at(module, api.path).apis.push(api);
    for (const factory of TABLES.factories) {
      for (const module of factory.modules) this.at(module, factory.path).factories.push(factory);
    }
    for (const registrar of TABLES.registrars) this.addRegistrar(registrar);
    for (const plugin of TABLES.plugins) {
      if (plugin.receiver && plugin.method) this.method(plugin.receiver, plugin.method).plugin = plugin;
      for (const module of plugin.modules ?? []) this.at(module, plugin.path ?? []).plugins.push(plugin);
    }
    for (const point of TABLES.offloads) {
      if (point.receiver && point.method) this.method(point.receiver, point.method).offload = point;
      for (const module of point.modules ?? []) this.at(module, point.path ?? []).offloads.push(point);
    }
    for (const api of TABLES.methodApis) this.method(api.receiver, api.method).api = api;
    for (const transition of TABLES.transitions) {
      this.method(transition.receiver, transition.method).transition = transition;
    }
    this.addSettings(settings);
  }

  /**
   * The name the tables know the module `specifier` by, imported from the file `importer`: `fs`
   * for `node:fs`, and for a relative import of a project file that a settings entry names, the
   * file's key, so that the entry matches however each importer spells the path.
   */
  moduleKey(specifier: string, importer: string | undefined): string {
    if (this.hasLocalModules && importer !== undefined && isRelativeSpecifier(specifier)) return localModuleKey(path.resolve(path.dirname(importer), specifier));
    return normalizeModuleSpecifier(specifier);
  }

  /** True when imports of `module` are worth following. */
  isInteresting(module: string): boolean {
    return this.paths.has(module);
  }

  /** The value of `value[name]`, or undefined when nothing known lies that way. */
  member(value: TrackedValue, name: string): TrackedValue | undefined {
    switch (value.kind) {
      case 'module': {
        // `import x from 'cjs'` and `ns.default` both reach module.exports.
        if (name === 'default' && value.path.length === 0) return value;
        const path = [...value.path, name];
        if (this.prefixes.get(value.module)?.has(pathKey(path))) return { kind: 'module', module: value.module, path };
        return this.callableMember(value, name);
      }
      case 'instance':
        return this.methods.get(value.type)?.has(name) ? { kind: 'method', type: value.type, method: name } : this.callableMember(value, name);
      case 'method':
        return this.callableMember(value, name);
      default:
        return undefined;
    }
  }

  /** What `value(...)` or `new value(...)` does. */
  call(value: TrackedValue, call: TSESTree.CallExpression | TSESTree.NewExpression): CallOutcome {
    const isNew = call.type === AST_NODE_TYPES.NewExpression;
    switch (value.kind) {
      case 'module': {
        const facts = this.paths.get(value.module)?.get(pathKey(value.path));
        if (!facts) return {};
        const outcome: CallOutcome = {};
        const api = facts.apis[0];
        if (api && !isNew) outcome.blocking = api;
        const factory = facts.factories.find((candidate) => constructs(candidate, isNew));
        if (factory) {
          outcome.result = { kind: 'instance', type: factory.produces };
          if (factory.blockingWithArguments && call.arguments.length > 0) outcome.blocking = factory.blockingWithArguments;
        }
        const registrar = facts.registrars[0];
        if (registrar) {
          outcome.registrar = registrar;
          if (registrar.returns) outcome.result = { kind: 'instance', type: registrar.returns };
        }
        if (facts.plugins[0]) outcome.plugin = facts.plugins[0];
        if (facts.offloads[0]) outcome.offload = facts.offloads[0];
        return outcome;
      }
      case 'method': {
        const facts = this.methods.get(value.type)?.get(value.method);
        if (!facts) return {};
        const outcome: CallOutcome = {};
        if (facts.api) outcome.blocking = facts.api;
        if (facts.transition) outcome.result = { kind: 'instance', type: facts.transition.returns };
        if (facts.registrar) {
          outcome.registrar = facts.registrar;
          if (facts.registrar.returns) outcome.result = { kind: 'instance', type: facts.registrar.returns };
        }
        if (facts.plugin) outcome.plugin = facts.plugin;
        if (facts.offload) outcome.offload = facts.offload;
        return outcome;
      }
      case 'instance': {
        const api = this.methods.get(value.type)?.get('()')?.api;
        return api ? { blocking: api } : {};
      }
      case 'invoke':
        return this.call(value.target, call);
      case 'bind':
        return { result: value.target };
      case 'project':
        // The module graph answers for the project's own modules; the tracker asks it.
        return {};
    }
  }

  /** True when calling the value blocks: a reference to it passed as a callback will block when called. */
  blockingEntryOf(value: TrackedValue): ApiEntry | undefined {
    switch (value.kind) {
      case 'module':
        return this.paths.get(value.module)?.get(pathKey(value.path))?.apis[0];
      case 'method':
        return this.methods.get(value.type)?.get(value.method)?.api;
      case 'instance':
        return this.methods.get(value.type)?.get('()')?.api;
      default:
        return undefined;
    }
  }

  /** `f.call`, `f.apply` and `f.bind` of a function whose call we understand. */
  private callableMember(value: TrackedValue, name: string): TrackedValue | undefined {
    if (name !== 'call' && name !== 'apply' && name !== 'bind') return undefined;
    if (!this.blockingEntryOf(value) && !this.isCallable(value)) return undefined;
    return name === 'bind' ? { kind: 'bind', target: value } : { kind: 'invoke', target: value };
  }

  private isCallable(value: TrackedValue): boolean {
    if (value.kind === 'module') return this.paths.get(value.module)?.has(pathKey(value.path)) ?? false;
    if (value.kind === 'method') return this.methods.get(value.type)?.has(value.method) ?? false;
    return false;
  }

  private at(module: string, path: readonly string[]): PathFacts {
    let byPath = this.paths.get(module);
    if (!byPath) {
      byPath = new Map();
      this.paths.set(module, byPath);
      this.prefixes.set(module, new Set());
    }
    const key = pathKey(path);
    let facts = byPath.get(key);
    if (!facts) {
      facts = { apis: [], factories: [], registrars: [], plugins: [], offloads: [] };
      byPath.set(key, facts);
      const prefixes = this.prefixes.get(module)!;
      for (let length = 1; length <= path.length; length++) prefixes.add(pathKey(path.slice(0, length)));
    }
    return facts;
  }

  private method(type: string, name: string): MethodFacts {
    let byName = this.methods.get(type);
    if (!byName) {
      byName = new Map();
      this.methods.set(type, byName);
    }
    let facts = byName.get(name);
    if (!facts) {
      facts = {};
      byName.set(name, facts);
    }
    return facts;
  }

  private addRegistrar(registrar: HandlerRegistrar): void {
    if (registrar.receiver && registrar.method) this.method(registrar.receiver, registrar.method).registrar = registrar;
    for (const module of registrar.modules ?? []) this.at(module, registrar.path ?? []).registrars.push(registrar);
  }

  private addSettings(settings: UnblockSettings): void {
    for (const api of settings.moduleApis) {
      // A relative module names a file of the project, from the working directory.
      const local = isRelativeSpecifier(api.module);
      if (local) this.hasLocalModules = true;
      const module = local ? localModuleKey(path.resolve(this.cwd, api.module)) : api.module;
      const shown = local ? localModuleName(api.module) : api.module;
      const entry: ModuleApiEntry = {
        id: api.id,
        display: api.path.length === 0 ? `${shown}()` : [shown, ...api.path].join('.'),
        modules: [module],
        path: api.path,
        family: api.family,
        severity: api.severity,
        recipe: api.replacement ? { kind: 'manual', advice: api.replacement } : { kind: 'offload' },
      };
      // User entries come first so that their advice wins over a built-in entry for the same export.
      this.at(module, api.path).apis.unshift(entry);
    }
    for (const pattern of settings.handlers) {
      if (pattern.kind !== 'registrar') continue;
      const type = `user:${pattern.module}:${pattern.factory.join('.')}`;
      this.at(pattern.module, pattern.factory).factories.push({
        modules: [pattern.module],
        path: pattern.factory,
        construct: pattern.construct,
        produces: type,
      });
      for (const method of pattern.methods) {
        this.addRegistrar({
          framework: pattern.framework,
          receiver: type,
          method,
          role: 'route',
          handlers: { kind: 'functions' },
          returns: type,
        });
      }
    }
  }
}

function constructs(factory: InstanceFactory, isNew: boolean): boolean {
  return factory.construct === 'either' || (factory.construct === 'new') === isNew;
}

const knowledgeBySettings = new WeakMap<UnblockSettings, Map<string, Knowledge>>();

/** The shared index for these settings, linted from `cwd`; built once per settings object and directory. */
export function knowledgeFor(settings: UnblockSettings, cwd: string = process.cwd()): Knowledge {
  let byCwd = knowledgeBySettings.get(settings);
  if (!byCwd) {
    byCwd = new Map();
    knowledgeBySettings.set(settings, byCwd);
  }
  let knowledge = byCwd.get(cwd);
  if (!knowledge) {
    knowledge = new Knowledge(settings, cwd);
    byCwd.set(cwd, knowledge);
  }
  return knowledge;
}
