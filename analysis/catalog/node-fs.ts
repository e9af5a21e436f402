import type { ModuleApiEntry, Recipe } from './types.js';

/**
 * Node's `fs` sync API, re-exported unchanged by graceful-fs and fs-extra (and `original-fs` in
 * Electron). fs-extra also returns a promise from each async function called without a callback,
 * which is the simplest rewrite there.
 */
const FS_MODULES = ['fs', 'graceful-fs', 'fs-extra', 'original-fs'] as const;

const FD_ADVICE = 'use a `FileHandle` from `fs.promises.open`; fd-based calls have no promise twin with the same result';

/**
 * [sync name, async name in fs/promises (or advice when there is none), caveat, whether awaiting
 * the twin is a drop-in replacement].
 */
const FS_SYNC_APIS: ReadonlyArray<readonly [string, string | { advice: string }, string?, false?]> = [
  ['accessSync', 'access'],
  ['appendFileSync', 'appendFile', 'a numeric fd as the first argument needs a FileHandle instead'],
  ['chmodSync', 'chmod'],
  ['chownSync', 'chown'],
  ['closeSync', { advice: FD_ADVICE }],
  ['copyFileSync', 'copyFile'],
  ['cpSync', 'cp'],
  ['existsSync', 'access', '`existsSync` returns a boolean and never throws: await `access` inside try/catch', false],
  ['fchmodSync', { advice: FD_ADVICE }],
  ['fchownSync', { advice: FD_ADVICE }],
  ['fdatasyncSync', { advice: FD_ADVICE }],
  ['fstatSync', { advice: FD_ADVICE }],
  ['fsyncSync', { advice: FD_ADVICE }],
  ['ftruncateSync', { advice: FD_ADVICE }],
  ['futimesSync', { advice: FD_ADVICE }],
  ['globSync', 'glob', '`fs.promises.glob` returns an async iterator: collect it with `Array.fromAsync`', false],
  ['lchmodSync', 'lchmod'],
  ['lchownSync', 'lchown'],
  ['linkSync', 'link'],
  ['lstatSync', 'lstat'],
  ['lutimesSync', 'lutimes'],
  ['mkdirSync', 'mkdir'],
  ['mkdtempSync', 'mkdtemp'],
  ['mkdtempDisposableSync', 'mkdtempDisposable'],
  ['openSync', { advice: 'use `fs.promises.open`, which returns a `FileHandle` rather than a numeric fd' }],
  ['opendirSync', 'opendir'],
  ['readdirSync', 'readdir'],
  ['readFileSync', 'readFile', 'a numeric fd as the first argument needs a FileHandle instead'],
  ['readlinkSync', 'readlink'],
  ['readSync', { advice: FD_ADVICE }],
  ['readvSync', { advice: FD_ADVICE }],
  ['realpathSync', 'realpath'],
  ['renameSync', 'rename'],
  ['rmdirSync', 'rmdir'],
  ['rmSync', 'rm'],
  ['statSync', 'stat', '`statSync(p, { throwIfNoEntry: false })` returns undefined where `stat` rejects'],
  ['statfsSync', 'statfs'],
  ['symlinkSync', 'symlink'],
  ['truncateSync', 'truncate'],
  ['unlinkSync', 'unlink'],
  ['utimesSync', 'utimes'],
  ['writeFileSync', 'writeFile', 'a numeric fd as the first argument needs a FileHandle instead'],
  ['writeSync', { advice: FD_ADVICE }],
  ['writevSync', { advice: FD_ADVICE }],
];

function fsEntry(path: readonly string[], twin: string | { advice: string }, caveat?: string, dropIn?: false): ModuleApiEntry {
  const recipe: Recipe =
    typeof twin === 'string' ? { kind: 'promises', module: 'fs/promises', name: twin } : { kind: 'manual', advice: twin.advice };
  const asyncName = typeof twin === 'string' ? path[0]!.replace(/Sync$/, '') : undefined;
  return {
    id: `fs.${path.join('.')}`,
    display: `fs.${path.join('.')}`,
    modules: FS_MODULES,
    path,
    family: 'fs',
    severity: 'high',
    recipe,
    // fs-extra wraps every fs async function so that it returns a promise without a callback.
    ...(asyncName ? { recipeByModule: { 'fs-extra': { kind: 'async-twin', name: asyncName } } } : {}),
    ...(caveat ? { caveat } : {}),
    ...(dropIn === false ? { dropIn } : {}),
    ...(path[0] === 'readFileSync' ? { returnsBuffer: 'without-encoding' as const } : {}),
  };
}

export const NODE_FS_APIS: readonly ModuleApiEntry[] = [
  ...FS_SYNC_APIS.map(([name, twin, caveat, dropIn]) => fsEntry([name], twin, caveat, dropIn)),
  fsEntry(['realpathSync', 'native'], 'realpath'),
];
