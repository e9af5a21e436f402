// A text check that answers "can the detector report anything in this file?" without parsing
// it. `unblock fix` and `unblock scan` run it first: most files of a service name no module that
// can block, and then only their syntax needs checking. The module list is derived from the
// same TABLES that Knowledge indexes, so the two cannot drift apart.

import { TABLES } from './knowledge.js';
import { isRelativeSpecifier, localModuleName } from './module-specifier.js';
import type { UnblockSettings } from './settings.js';

/**
 * Modules whose imports can lead to a blocking site: those with blocking exports, and those
 * whose objects are, or lead by method calls to, objects with blocking methods (better-sqlite3's
 * Database → Statement). Derived from the catalog and the framework data, so it cannot drift.
 */
function modulesThatCanBlock(): Set<string> {
  const blockingTypes = new Set<string>(TABLES.methodApis.map((api) => api.receiver));
  // Types that reach a blocking type through method calls, handler parameters or plugins.
  const edges: Array<readonly [from: string, to: string]> = [
    ...TABLES.transitions.map((transition) => [transition.receiver, transition.returns] as const),
    ...TABLES.registrars.flatMap((registrar) =>
      registrar.receiver === undefined ? [] : [registrar.returns, registrar.gives?.type].flatMap((type) => (type === undefined ? [] : [[registrar.receiver!, type] as const])),
    ),
    ...TABLES.plugins.flatMap((plugin) => (plugin.receiver === undefined ? [] : [[plugin.receiver, plugin.gives] as const])),
  ];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [from, to] of edges) {
      if (blockingTypes.has(to) && !blockingTypes.has(from)) {
        blockingTypes.add(from);
        grew = true;
      }
    }
  }
  const modules = new Set<string>(TABLES.moduleApis.flatMap((api) => api.modules));
  for (const factory of TABLES.factories) {
    if (factory.blockingWithArguments || blockingTypes.has(factory.produces)) for (const module of factory.modules) modules.add(module);
  }
  for (const registrar of TABLES.registrars) {
    if ([registrar.returns, registrar.gives?.type].some((type) => type !== undefined && blockingTypes.has(type))) for (const module of registrar.modules ?? []) modules.add(module);
  }
  for (const plugin of TABLES.plugins) if (blockingTypes.has(plugin.gives)) for (const module of plugin.modules ?? []) modules.add(module);
  return modules;
}

/**
 * Globals the busy-wait analysis looks for without an import (analysis/busy-wait.ts): the
 * clocks a spin loop reads (`Date.now()`, `new Date()`, `performance.now()`, `process.hrtime()`)
 * and `Atomics.wait`.
 */
const BUSY_WAIT_GLOBALS = ['Atomics', 'Date', 'performance', 'hrtime'] as const;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * How a module is spelled in an import: its name, or for a project file (a settings entry with a
 * relative `module`) any relative path to a file of that name, with or without its extension.
 */
function spelling(module: string): string {
  if (!isRelativeSpecifier(module)) return escapeRegExp(module);
  return `\\.\\.?/[^'"\`]*?\\b${escapeRegExp(localModuleName(module))}(?:\\.[cm]?[jt]sx?)?`;
}

/**
 * A module specifier in any quotes, with or without `node:` (an import, `require`, `import()`,
 * `createRequire(…)(…)`, `process.getBuiltinModule`).
 */
function markersFor(modules: Iterable<string>): RegExp {
  const names = [...new Set(modules)].sort().map(spelling).join('|');
  return new RegExp(`['"\`](?:node:)?(?:${names})['"\`]`);
}

/**
 * For each catalog module, the export names through which it blocks (`readFileSync`, `sync`,
 * `DatabaseSync`): a call of it that the tracker can follow spells one of them. ANY_USE for a
 * module whose default export is itself the blocking function or the factory (`sync-request`,
 * better-sqlite3: `new DB(file)` spells nothing), or whose objects come through a framework.
 */
function blockingNames(): Map<string, ReadonlySet<string> | typeof ANY_USE> {
  const names = new Map<string, Set<string> | typeof ANY_USE>();
  const add = (module: string, path: readonly string[]) => {
    const known = names.get(module);
    if (known === ANY_USE) return;
    const spelled = path.filter((segment) => segment !== 'default');
    names.set(module, spelled.length === 0 ? ANY_USE : new Set([...(known ?? []), ...spelled]));
  };
  for (const api of TABLES.moduleApis) for (const module of api.modules) add(module, api.path);
  for (const factory of TABLES.factories) for (const module of factory.modules) add(module, factory.path);
  for (const module of CATALOG_MODULES) if (!names.has(module)) names.set(module, ANY_USE);
  return names;
}

/**
 * Modules through which a call can send a function to a worker: those of the offload points, and
 * those whose factories make the receivers of the offload methods (`executor.submit`).
 */
function modulesThatOffload(): Set<string> {
  const receivers = new Set(TABLES.offloads.flatMap((point) => (point.receiver === undefined ? [] : [point.receiver])));
  const modules = new Set(TABLES.offloads.flatMap((point) => point.modules ?? []));
  for (const factory of TABLES.factories) if (receivers.has(factory.produces)) for (const module of factory.modules) modules.add(module);
  return modules;
}

const ANY_USE = 'any use';
const CATALOG_MODULES = modulesThatCanBlock();
const MARKERS = markersFor(CATALOG_MODULES);
const BLOCKING_NAMES = blockingNames();
/**
 * A quoted specifier, capturing the module's name. The closing quote is only looked at, not
 * consumed, so that every quote is tried as an opening one: an apostrophe in another string
 * cannot hide the module's name.
 */
const SPECIFIER = /['"`](?:node:)?([^'"`\s]+)(?=['"`])/g;
const OFFLOAD_MARKERS = markersFor(modulesThatOffload());
const BUSY_WAIT_MARKER = new RegExp(`\\b(?:${BUSY_WAIT_GLOBALS.join('|')})\\b`);

/** The escapes a string or an identifier may spell a name with: `'f\x73'`, `D\u0061te`. */
const ESCAPE = /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([0-7]{1,3})|(\r\n|[\n\r\u2028\u2029])|([^]))/g;

function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (_, braced?: string, unicode?: string, hex?: string, octal?: string, lineBreak?: string, other?: string) => {
    if (lineBreak !== undefined) return '';
    if (other !== undefined) return other;
    const code = parseInt(braced ?? unicode ?? hex ?? octal!, braced ?? unicode ?? hex ? 16 : 8);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * False when the detector cannot report anything in `text`: no catalog module is named in it
 * (in quotes, so in an import, a `require`, a dynamic import or `process.getBuiltinModule`) and
 * none of the globals a busy wait uses appears. A file for which this is false needs no analysis,
 * only the syntax check. True means "maybe". `settings.unblock.blockingApis` modules count too.
 */
export function couldReport(text: string, settings?: UnblockSettings): boolean {
  return matches(MARKERS, text) || (settings !== undefined && settings.moduleApis.length > 0 && matches(customMarkers(settings), text)) || matches(BUSY_WAIT_MARKER, text);
}

/**
 * False when no call in `text` can reach the catalog: no module that can block is named in it,
 * or none of the names its blocking exports are called by appears (a module that imports `fs`
 * for `fs.promises` only, a `'sqlite'` dialect option). What the module graph asks of a helper
 * module before parsing it (a summary holds catalog calls only; a busy wait is reported where it
 * is written), and `unblock fix` of a file before its cross-module stage. On audiobookshelf,
 * `couldReport` holds for 157 of 504 files (`Date` alone, in most), this for 34.
 * `settings.unblock.blockingApis` modules count whenever they are named.
 */
export function mayCallBlockingApi(text: string, settings?: UnblockSettings): boolean {
  if (mentionsBlockingName(text, settings)) return true;
  // Escapes can spell a name the text does not contain as such.
  return text.includes('\\') && mentionsBlockingName(decodeEscapes(text), settings);
}

function mentionsBlockingName(text: string, settings: UnblockSettings | undefined): boolean {
  if (settings && settings.moduleApis.length > 0 && customMarkers(settings).test(text)) return true;
  if (!MARKERS.test(text)) return false;
  for (const [, module] of text.matchAll(SPECIFIER)) {
    const names = BLOCKING_NAMES.get(module!);
    if (names === undefined) continue;
    if (names === ANY_USE) return true;
    for (const name of names) if (text.includes(name)) return true;
  }
  return false;
}

/** False when no call in `text` can send a function to a worker: no module that offloads is named in it. */
export function mayOffload(text: string): boolean {
  return matches(OFFLOAD_MARKERS, text);
}

/** The markers of the modules `settings.unblock.blockingApis` adds. */
function customMarkers(settings: UnblockSettings): RegExp {
  let markers = customMarkersBySettings.get(settings);
  if (!markers) {
    markers = markersFor(settings.moduleApis.map((api) => api.module));
    customMarkersBySettings.set(settings, markers);
  }
  return markers;
}

const customMarkersBySettings = new WeakMap<UnblockSettings, RegExp>();

function matches(markers: RegExp, text: string): boolean {
  if (markers.test(text)) return true;
  // Escapes can spell a name the text does not contain as such.
  return text.includes('\\') && markers.test(decodeEscapes(text));
}
