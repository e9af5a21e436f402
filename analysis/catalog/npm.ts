import type { Family, ModuleApiEntry, Recipe, Severity } from './types.js';

/**
 * Popular npm packages with sync APIs that block. Several packages changed their export shape
 * across majors (glob 7 → 9, execa 5 → 6, rimraf 3 → 4), so each form users still write is listed.
 */

interface NpmApi {
  readonly module: string;
  readonly modules?: readonly string[];
  readonly path: readonly string[];
  readonly family: Family;
  readonly recipe: Recipe;
  readonly severity?: Severity;
  readonly caveat?: string;
  readonly twinSince?: number;
}

const twin = (name: string): Recipe => ({ kind: 'async-twin', name });
const OFFLOAD: Recipe = { kind: 'offload' };

const NPM_APIS: readonly NpmApi[] = [
  // fs-extra's own sync APIs; each async twin returns a promise when called without a callback.
  ...[
    'copy',
    'emptyDir',
    'emptydir',
    'ensureFile',
    'createFile',
    'ensureDir',
    'mkdirs',
    'mkdirp',
    'ensureLink',
    'createLink',
    'ensureSymlink',
    'createSymlink',
    'move',
    'outputFile',
    'outputJson',
    'outputJSON',
    'pathExists',
    'readJson',
    'readJSON',
    'remove',
    'writeJson',
    'writeJSON',
  ].map(
    (name): NpmApi => ({
      module: 'fs-extra',
      modules: ['fs-extra', 'fs-extra/esm'],
      path: [`${name}Sync`],
      family: 'fs',
      recipe: twin(name),
    }),
  ),
  { module: 'jsonfile', path: ['readFileSync'], family: 'fs', recipe: twin('readFile') },
  { module: 'jsonfile', path: ['writeFileSync'], family: 'fs', recipe: twin('writeFile') },

  // glob ≥ 9 exports globSync and glob.sync; glob ≤ 8 exposes sync on the default export.
  { module: 'glob', path: ['globSync'], family: 'glob', recipe: twin('glob') },
  { module: 'glob', path: ['sync'], family: 'glob', recipe: twin('glob'), caveat: 'glob ≤ 8 takes a callback: promisify it', twinSince: 9 },
  { module: 'glob', path: ['glob', 'sync'], family: 'glob', recipe: twin('glob') },
  { module: 'glob', path: ['glob', 'globSync'], family: 'glob', recipe: twin('glob') },
  { module: 'fast-glob', path: ['sync'], family: 'glob', recipe: twin('async') },
  { module: 'fast-glob', path: ['globSync'], family: 'glob', recipe: twin('glob') },
  { module: 'globby', path: ['globbySync'], family: 'glob', recipe: twin('globby') },
  { module: 'globby', path: ['sync'], family: 'glob', recipe: twin('') },
  { module: 'tiny-glob/sync', path: [], family: 'glob', recipe: { kind: 'manual', advice: 'use `tiny-glob` (the async entry point)' } },

  // execa ≤ 5 hangs sync variants off the default export; ≥ 6 exports them by name.
  { module: 'execa', path: ['execaSync'], family: 'spawn', recipe: twin('execa') },
  { module: 'execa', path: ['execaCommandSync'], family: 'spawn', recipe: twin('execaCommand') },
  { module: 'execa', path: ['sync'], family: 'spawn', recipe: twin('') },
  { module: 'execa', path: ['commandSync'], family: 'spawn', recipe: twin('command') },
  { module: 'execa', path: ['$', 'sync'], family: 'spawn', recipe: twin('$') },
  { module: 'execa', path: ['$', 's'], family: 'spawn', recipe: twin('$') },
  { module: 'cross-spawn', path: ['sync'], family: 'spawn', recipe: { kind: 'manual', advice: 'use cross-spawn’s async `spawn` and await its `close` event' } },

  // bcrypt and bcryptjs return a promise from the async form when no callback is passed.
  ...['bcrypt', 'bcryptjs'].flatMap((module) =>
    ['hash', 'compare', 'genSalt'].map(
      (name): NpmApi => ({ module, path: [`${name}Sync`], family: 'password-hashing', recipe: twin(name) }),
    ),
  ),

  // mkdirp 1 (default export with .sync) and ≥ 2 (named exports).
  { module: 'mkdirp', path: ['sync'], family: 'fs', recipe: twin(''), caveat: 'mkdirp 0.x takes a callback: promisify it', twinSince: 1 },
  { module: 'mkdirp', path: ['mkdirpSync'], family: 'fs', recipe: twin('mkdirp') },
  { module: 'mkdirp', path: ['mkdirp', 'sync'], family: 'fs', recipe: twin('mkdirp') },
  { module: 'mkdirp', path: ['manualSync'], family: 'fs', recipe: twin('mkdirpManual') },
  { module: 'mkdirp', path: ['nativeSync'], family: 'fs', recipe: twin('mkdirpNative') },
  { module: 'mkdirp', path: ['mkdirpManualSync'], family: 'fs', recipe: twin('mkdirpManual') },
  { module: 'mkdirp', path: ['mkdirpNativeSync'], family: 'fs', recipe: twin('mkdirpNative') },

  // rimraf 3 (callback default export with .sync) and ≥ 4 (promise API, named exports).
  { module: 'rimraf', path: ['sync'], family: 'fs', recipe: twin('rimraf'), caveat: 'rimraf ≤ 3 takes a callback: promisify it', twinSince: 4 },
  { module: 'rimraf', path: ['rimrafSync'], family: 'fs', recipe: twin('rimraf') },
  { module: 'rimraf', path: ['rimraf', 'sync'], family: 'fs', recipe: twin('rimraf') },
  ...['native', 'manual', 'windows', 'posix', 'moveRemove'].map(
    (name): NpmApi => ({ module: 'rimraf', path: [`${name}Sync`], family: 'fs', recipe: twin(name) }),
  ),

  // SheetJS reads and writes whole workbooks synchronously; parsing is CPU work too.
  ...['readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'writeFileXLSX'].map(
    (name): NpmApi => ({
      module: 'xlsx',
      path: [name],
      family: 'spreadsheet',
      recipe: OFFLOAD,
      caveat: 'or read the bytes with `fs.promises.readFile` and parse them with `XLSX.read`',
    }),
  ),

  // write-file-atomic ≥ 3 returns a promise when given no callback.
  { module: 'write-file-atomic', path: ['sync'], family: 'fs', recipe: twin(''), caveat: 'write-file-atomic < 3 takes a callback: promisify it', twinSince: 3 },
  // jsonfile, under fs-extra's readJson/writeJson: the async forms return promises without a callback.
  { module: 'jsonfile', path: ['readFileSync'], family: 'fs', recipe: twin('readFile') },
  { module: 'jsonfile', path: ['writeFileSync'], family: 'fs', recipe: twin('writeFile') },
  // proper-lockfile: the sync forms poll the file system.
  ...['lock', 'unlock', 'check'].map((name): NpmApi => ({ module: 'proper-lockfile', path: [`${name}Sync`], family: 'fs', recipe: twin(name) })),
  // resolve's sync API probes the file system for every candidate path.
  { module: 'resolve', path: ['sync'], family: 'fs', recipe: { kind: 'manual', advice: 'resolve the path once at start-up, or use the callback form `resolve(id, options, cb)`' } },
  // del ≥ 7 (deleteSync) and ≤ 6 (.sync), find-up ≥ 6 (findUpSync) and ≤ 5 (.sync).
  { module: 'del', path: ['deleteSync'], family: 'fs', recipe: twin('deleteAsync') },
  { module: 'del', path: ['sync'], family: 'fs', recipe: twin('') },
  { module: 'find-up', path: ['findUpSync'], family: 'fs', recipe: twin('findUp') },
  { module: 'find-up', path: ['sync'], family: 'fs', recipe: twin('') },

  // Whole-request-blocking HTTP clients.
  { module: 'sync-request', path: [], family: 'http', recipe: { kind: 'manual', advice: 'use `fetch`' } },
  { module: 'sync-fetch', path: [], family: 'http', recipe: { kind: 'manual', advice: 'use the global `fetch`' } },

  // Synchronous sleeps: reported by `no-busy-wait`.
  ...['sleep', 'msleep', 'usleep'].map(
    (name): NpmApi => ({ module: 'sleep', path: [name], family: 'sleep', recipe: { kind: 'promises', module: 'timers/promises', name: 'setTimeout' } }),
  ),
  { module: 'atomic-sleep', path: [], family: 'sleep', recipe: { kind: 'promises', module: 'timers/promises', name: 'setTimeout' } },
  { module: 'system-sleep', path: [], family: 'sleep', recipe: { kind: 'promises', module: 'timers/promises', name: 'setTimeout' } },
  { module: 'deasync', path: ['sleep'], family: 'sleep', recipe: { kind: 'promises', module: 'timers/promises', name: 'setTimeout' } },
  { module: 'deasync', path: ['loopWhile'], family: 'sleep', recipe: { kind: 'manual', advice: 'await the condition instead of spinning the loop' } },
];

function display(module: string, path: readonly string[]): string {
  if (path.length === 0) return `${module}()`;
  return `${module}.${path.join('.')}`;
}

export const NPM_MODULE_APIS: readonly ModuleApiEntry[] = NPM_APIS.map((api) => ({
  id: display(api.module, api.path).replace(/\(\)$/, ''),
  display: display(api.module, api.path),
  modules: api.modules ?? [api.module],
  path: api.path,
  family: api.family,
  severity: api.severity ?? 'high',
  recipe: api.recipe,
  ...(api.caveat ? { caveat: api.caveat } : {}),
  ...(api.twinSince ? { twinSince: api.twinSince } : {}),
}));
