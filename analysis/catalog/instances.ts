import type { Family, InstanceFactory, MethodApiEntry, Recipe, TypeTransition } from './types.js';

/**
 * Objects whose methods block: database handles and archives. Without type information the rules
 * find them when the object is created in the same file (`const db = new Database(file)`) and follow
 * it through variables, `this.db` fields and the methods that return another known type
 * (`db.prepare(sql)` → Statement). The type-aware rule extends this to objects from other modules.
 */

const SQLITE_RECIPE: Recipe = { kind: 'offload' };

function methods(
  receiver: string,
  display: string,
  family: Family,
  names: readonly string[],
  recipe: Recipe,
  severity: 'high' | 'low' = 'high',
): MethodApiEntry[] {
  return names.map((method) => ({
    id: `${receiver}.${method === '()' ? 'call' : method}`,
    display: method === '()' ? `${display}()` : `${display}.${method}`,
    receiver,
    method,
    family,
    severity,
    recipe,
  }));
}

export const INSTANCE_FACTORIES: readonly InstanceFactory[] = [
  { modules: ['better-sqlite3'], path: [], construct: 'either', produces: 'better-sqlite3.Database' },
  { modules: ['better-sqlite3'], path: ['Database'], construct: 'either', produces: 'better-sqlite3.Database' },
  { modules: ['sqlite'], path: ['DatabaseSync'], construct: 'new', produces: 'sqlite.DatabaseSync' },
  {
    modules: ['adm-zip'],
    path: [],
    construct: 'either',
    produces: 'adm-zip.AdmZip',
    blockingWithArguments: {
      id: 'adm-zip.AdmZip.constructor',
      display: 'new AdmZip(file)',
      receiver: 'adm-zip.AdmZip',
      method: 'constructor',
      family: 'compression',
      severity: 'high',
      recipe: { kind: 'offload' },
      caveat: 'the constructor reads and parses the whole archive',
    },
  },
];

export const INSTANCE_METHOD_APIS: readonly MethodApiEntry[] = [
  ...methods('better-sqlite3.Database', 'Database', 'sqlite', ['exec', 'pragma', 'loadExtension', 'serialize'], SQLITE_RECIPE),
  ...methods('better-sqlite3.Statement', 'Statement', 'sqlite', ['run', 'get', 'all', 'iterate'], SQLITE_RECIPE),
  ...methods('better-sqlite3.Transaction', 'transaction function', 'sqlite', ['()'], SQLITE_RECIPE),
  ...methods('sqlite.DatabaseSync', 'DatabaseSync', 'sqlite', ['exec', 'open', 'loadExtension', 'applyChangeset'], SQLITE_RECIPE),
  ...methods('sqlite.StatementSync', 'StatementSync', 'sqlite', ['run', 'get', 'all', 'iterate'], SQLITE_RECIPE),
  ...methods(
    'adm-zip.AdmZip',
    'AdmZip',
    'compression',
    ['extractAllTo', 'extractEntryTo', 'writeZip', 'toBuffer', 'addLocalFile', 'addLocalFolder', 'readFile', 'readAsText'],
    { kind: 'manual', advice: 'use the `…Async`/`…Promise` variants (`extractAllToAsync`, `writeZipPromise`, `toBufferPromise`)' },
  ),
];

/** Methods that hand back another known type, so chains like `db.prepare(sql).all()` are followed. */
export const TYPE_TRANSITIONS: readonly TypeTransition[] = [
  { receiver: 'better-sqlite3.Database', method: 'prepare', returns: 'better-sqlite3.Statement' },
  { receiver: 'better-sqlite3.Database', method: 'transaction', returns: 'better-sqlite3.Transaction' },
  ...['pluck', 'expand', 'raw', 'bind', 'safeIntegers'].map((method) => ({
    receiver: 'better-sqlite3.Statement',
    method,
    returns: 'better-sqlite3.Statement',
  })),
  ...['deferred', 'immediate', 'exclusive'].map((method) => ({
    receiver: 'better-sqlite3.Transaction',
    method,
    returns: 'better-sqlite3.Transaction',
  })),
  { receiver: 'sqlite.DatabaseSync', method: 'prepare', returns: 'sqlite.StatementSync' },
];
