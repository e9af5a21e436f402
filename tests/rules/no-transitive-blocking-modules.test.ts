// no-transitive-blocking without type information, across the project's own modules: every
// export shape and resolution rule the module graph knows, and the cases it must stay quiet on.
// The helpers live in tests/rules/fixtures/modules/; each case lints its code as if it were a file
// of that fixture project, so its imports resolve there.

import path from 'node:path';

import rule from '../../rules/no-transitive-blocking.js';
import { createRuleTester } from './rule-tester.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'modules');
/** The case's code is linted as this file of the fixture project. */
const at = (file: string): string => path.join(fixture, file);

const EXPRESS_ROUTE = 'Express route handler `GET /x`';
const ASYNC_ROUTE = 'async Express route handler `GET /x`';

createRuleTester().run('no-transitive-blocking (modules)', rule, {
  valid: [
    // node_modules is the catalog's business, never followed.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const legacy = require('legacy-helper');
express().get('/x', (req, res) => res.json(legacy.load()));`,
    },
    // A start-up-only caller: module top level and a listen callback.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const config = require('../lib/config');
const app = express();
const settings = config.load();
app.listen(3000, () => config.load());`,
    },
    // A cache guard in the helper: it blocks once, not per request.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const { signingKey } = require('../lib/cached');
express().get('/x', (req, res) => res.send(signingKey()));`,
    },
    // An async helper's own blocking is no-blocking-in-async's to report, in its own file.
    {
      filename: at('routes/valid.mjs'),
      code: `import express from 'express';
import { loadAsync } from '../lib/async-helper.mjs';
express().get('/x', async (req, res) => res.send(await loadAsync()));`,
    },
    // A helper handed to an offload wrapper, or run through workerModule, runs in a worker.
    {
      filename: at('routes/valid.mjs'),
      code: `import express from 'express';
import { offload, workerModule } from '@unblock/runtime';
import { hashPassword } from '../lib/esm.mjs';
const helpers = workerModule(new URL('../lib/esm.mjs', import.meta.url));
express().post('/x', async (req, res) => {
  res.send(await offload(hashPassword, req.body.password, 'salt'));
  res.send(await helpers.hashPassword(req.body.password, 'salt'));
});`,
    },
    // A worker-thread module's exports run in the worker.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const worker = require('../lib/worker');
express().get('/x', (req, res) => res.send(worker.derive('pw')));`,
    },
    // A circular import ends the walk; an unresolved import, a module that does not parse and a
    // property that is not a function give no report and no crash.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const cycle = require('../lib/cycle-b');
const broken = require('../lib/broken');
const missing = require('../lib/missing');
const config = require('../lib/config');
express().get('/x', (req, res) => res.json([cycle.readB ? 1 : 0, broken.read(), missing.read(), config.version]));`,
    },
    // A helper called from sync code that is not a handler: the transitive rule's callers decide.
    {
      filename: at('routes/valid.mjs'),
      code: `import { loadConfig } from '../lib/esm.mjs';
export function sync() {
  return loadConfig();
}`,
    },
    // A method that does not block, on an instance of a class whose other method does.
    {
      filename: at('routes/valid.js'),
      code: `const express = require('express');
const Store = require('../lib/store-class.js');
const store = new Store('x.db');
express().get('/x', (req, res) => res.send(store.name()));`,
    },
  ],
  invalid: [
    // module.exports = { … }, extensionless relative require, a chain inside the helper module.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const config = require('../lib/config');
express().get('/x', (req, res) => {
  res.json(config.load());
});`,
      errors: [
        {
          messageId: 'transitiveCall',
          line: 4,
          column: 12,
          data: {
            callee: 'config.load',
            context: EXPRESS_ROUTE,
            chain: 'config.load → readConfig → fs.readFileSync',
            line: '4 of ../lib/config.js',
            fix: 'use `fs.promises.readFile`',
          },
        },
      ],
    },
    // module.exports = function, and a destructured require of exports.x.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const readTemplate = require('../lib/read-template');
const { gitHead } = require('../lib/exports-dot');
express().get('/x', (req, res) => res.send(readTemplate('home') + gitHead()));`,
      errors: [
        { messageId: 'transitiveCall', line: 4, column: 44, data: { callee: 'readTemplate', context: EXPRESS_ROUTE, chain: 'readTemplate → fs.readFileSync', line: '4 of ../lib/read-template.js', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 4, column: 67, data: { callee: 'gitHead', context: EXPRESS_ROUTE, chain: 'gitHead → child_process.execSync', line: '3 of ../lib/exports-dot.js', fix: 'use `util.promisify(child_process.exec)`' } },
      ],
    },
    // module.exports = class, and new Store() then store.get(); a class field set in the constructor.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const Store = require('../lib/store-class.js');
const store = new Store('items.db');
express().get('/x', (req, res) => res.json(store.get(req.params.id)));`,
      errors: [{ messageId: 'transitiveCall', line: 4, column: 44, data: { callee: 'store.get', context: EXPRESS_ROUTE, chain: 'store.get → Statement.get', line: '8 of ../lib/store-class.js', fix: 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver' } }],
    },
    // module.exports = new X(): a module that exports an instance; an index file; a re-export by require.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const cache = require('../lib/cache-instance');
const store = require('../lib/store');
const again = require('../lib/reexport.js');
express().get('/x', (req, res) => res.json([cache.read('x'), store.list(), again.load()]));`,
      errors: [
        { messageId: 'transitiveCall', line: 5, column: 45, data: { callee: 'cache.read', context: EXPRESS_ROUTE, chain: 'cache.read → fs.readFileSync', line: '5 of ../lib/cache-instance.js', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 5, column: 62, data: { callee: 'store.list', context: EXPRESS_ROUTE, chain: 'store.list → fs.readdirSync', line: '5 of ../lib/store/index.js', fix: 'use `fs.promises.readdir`' } },
        { messageId: 'transitiveCall', line: 5, column: 76, data: { callee: 'again.load', context: EXPRESS_ROUTE, chain: 'again.load → readConfig → fs.readFileSync', line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    // package.json "imports": #lib/crypto.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const crypto = require('#lib/crypto');
express().post('/x', (req, res) => res.json(crypto.check(req.body.password, 'hash')));`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 45, data: { callee: 'crypto.check', context: 'Express route handler `POST /x`', chain: 'crypto.check → bcrypt.compareSync', line: '3 of ../lib/crypto.js', fix: 'use `bcrypt.compare`' } }],
    },
    // A require made by createRequire, under another name or called at once.
    {
      filename: at('routes/invalid.mjs'),
      code: `import { createRequire } from 'node:module';
const load = createRequire(import.meta.url);
const config = load('../lib/config.js');
const sameConfig = createRequire(import.meta.url)('../lib/config.js');
export async function handle() {
  return [config.load(), sameConfig.load()];
}`,
      errors: [
        { messageId: 'transitiveCall', line: 6, column: 11, data: { callee: 'config.load', context: 'async function `handle`', chain: 'config.load → readConfig → fs.readFileSync', line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 6, column: 26, data: { callee: 'sameConfig.load', context: 'async function `handle`', chain: 'sameConfig.load → readConfig → fs.readFileSync', line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    // createRequire through a default or a namespace import of node:module.
    {
      filename: at('routes/invalid.mjs'),
      code: `import nodeModule from 'node:module';
import * as modules from 'module';
const config = nodeModule.createRequire(import.meta.url)('../lib/config.js');
const load = modules.createRequire(import.meta.url);
export async function handle() {
  return [config.load(), load('../lib/config.js').load()];
}`,
      errors: [
        { messageId: 'transitiveCall', line: 6, column: 11, data: { callee: 'config.load', context: 'async function `handle`', chain: 'config.load → readConfig → fs.readFileSync', line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 6, column: 26, data: { callee: "load('../lib/config.js').load", context: 'async function `handle`', chain: "load('../lib/config.js').load → readConfig → fs.readFileSync", line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    // export function / const / class / default, with aliases.
    {
      filename: at('routes/invalid.mjs'),
      code: `import express from 'express';
import readDefault, { loadConfig, hashPassword as hash, Reports } from '../lib/esm.mjs';
const reports = new Reports();
express().get('/x', async (req, res) => {
  loadConfig();
  hash(req.body.password, 'salt');
  reports.render('weekly');
  readDefault();
});`,
      errors: [
        { messageId: 'transitiveCall', line: 5, column: 3, data: { callee: 'loadConfig', context: ASYNC_ROUTE, chain: 'loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 6, column: 3, data: { callee: 'hash', context: ASYNC_ROUTE, chain: 'hash → crypto.pbkdf2Sync', line: '8 of ../lib/esm.mjs', fix: 'use `util.promisify(crypto.pbkdf2)`' } },
        { messageId: 'transitiveCall', line: 7, column: 3, data: { callee: 'reports.render', context: ASYNC_ROUTE, chain: 'reports.render → fs.readFileSync', line: '12 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 8, column: 3, data: { callee: 'readDefault', context: ASYNC_ROUTE, chain: 'readDefault → fs.readFileSync', line: '17 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    // Re-exports (export *, export { default as … } from, export { x as y } from) through a namespace import.
    {
      filename: at('routes/invalid.mjs'),
      code: `import * as lib from '../lib/index.mjs';
export async function handle(buffer) {
  lib.loadConfig();
  lib.readDefault();
  return lib.compress(buffer);
}`,
      errors: [
        { messageId: 'transitiveCall', line: 3, column: 3, data: { callee: 'lib.loadConfig', context: 'async function `handle`', chain: 'lib.loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 4, column: 3, data: { callee: 'lib.readDefault', context: 'async function `handle`', chain: 'lib.readDefault → fs.readFileSync', line: '17 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 5, column: 10, data: { callee: 'lib.compress', context: 'async function `handle`', chain: 'lib.compress → zlib.gzipSync', line: '4 of ../lib/zip.mjs', fix: 'use `util.promisify(zlib.gzip)`' } },
      ],
    },
    // A namespace object exported as default (Utils.loadConfig()).
    {
      filename: at('routes/invalid.mjs'),
      code: `import Utils from '../lib/utils-object.mjs';
export async function handle() {
  return Utils.loadConfig();
}`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 10, data: { callee: 'Utils.loadConfig', context: 'async function `handle`', chain: 'Utils.loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } }],
    },
    // A factory that returns a module-level instance of a class wrapping better-sqlite3, across two modules.
    {
      filename: at('routes/invalid.mjs'),
      code: `import { getAccountDb } from '../lib/account-db.mjs';
export async function users() {
  const rows = getAccountDb().all('select * from users');
  const db = getAccountDb();
  return [rows, db.first('select 1')];
}`,
      errors: [
        { messageId: 'transitiveCall', line: 3, column: 16, data: { callee: 'getAccountDb().all', context: 'async function `users`', chain: 'getAccountDb().all → Statement.all', line: '9 of ../lib/db.mjs', fix: 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver' } },
        { messageId: 'transitiveCall', line: 5, column: 17, data: { callee: 'db.first', context: 'async function `users`', chain: 'db.first → Statement.get', line: '12 of ../lib/db.mjs', fix: 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver' } },
      ],
    },
    // A chain through three modules, ESM into CommonJS.
    {
      filename: at('routes/invalid.mjs'),
      code: `import { outer } from '../lib/chain-a.mjs';
export async function convert(id) {
  return outer(id);
}`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 10, data: { callee: 'outer', context: 'async function `convert`', chain: 'outer → middle → inner → child_process.spawnSync', line: '4 of ../lib/chain-c.cjs', fix: 'use `child_process.spawn` and await its `close` event' } }],
    },
    // A .js specifier that names a .ts source, and the .mjs/.cjs/.jsx specifiers of .mts/.cts/.tsx sources.
    {
      filename: at('routes/invalid.ts'),
      code: `import { readJson } from '../src/helpers.js';
import { size } from '../src/module.mjs';
import { exists } from '../src/common.cjs';
import { View } from '../src/view.jsx';
import { Legacy } from '../src/legacy.jsx';
export async function handle(file: string) {
  return [readJson(file), size(file), exists(file), View({ file }), Legacy({ file })];
}`,
      errors: [
        { messageId: 'transitiveCall', line: 7, column: 11, data: { callee: 'readJson', context: 'async function `handle`', chain: 'readJson → fs.readFileSync', line: '4 of ../src/helpers.ts', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 7, column: 27, data: { callee: 'size', context: 'async function `handle`', chain: 'size → fs.statSync', line: '4 of ../src/module.mts', fix: 'use `fs.promises.stat`' } },
        { messageId: 'transitiveCall', line: 7, column: 39, data: { callee: 'exists', context: 'async function `handle`', chain: 'exists → fs.existsSync', line: '4 of ../src/common.cts', fix: 'use `fs.promises.access`' } },
        { messageId: 'transitiveCall', line: 7, column: 53, data: { callee: 'View', context: 'async function `handle`', chain: 'View → fs.readFileSync', line: '4 of ../src/view.tsx', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 7, column: 69, data: { callee: 'Legacy', context: 'async function `handle`', chain: 'Legacy → fs.readFileSync', line: '4 of ../src/legacy.jsx', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    // A literal dynamic import.
    {
      filename: at('routes/invalid.mjs'),
      code: `export async function handle() {
  const { loadConfig: load } = await import('../lib/esm.mjs');
  return load();
}`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 10, data: { callee: 'load', context: 'async function `handle`', chain: 'load → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } }],
    },
    // A JSDoc type import names no module loaded at run time; the real dynamic import below it is still followed.
    {
      filename: at('routes/invalid.mjs'),
      code: `/**
 * @param {import('../lib/config.js')} config
 */
export async function handle(config) {
  const { loadConfig: load } = await import('../lib/esm.mjs');
  return load(config);
}`,
      errors: [{ messageId: 'transitiveCall', line: 6, column: 10, data: { callee: 'load', context: 'async function `handle`', chain: 'load → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } }],
    },
    // tsconfig paths, jsconfig paths, and a workspace package that resolves to its source.
    {
      filename: at('ts-paths/src/routes/files.ts'),
      code: `import { listFiles } from '@app/files';
export async function list(dir: string) {
  return listFiles(dir);
}`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 10, data: { callee: 'listFiles', context: 'async function `list`', chain: 'listFiles → fs.readdirSync', line: '4 of ../lib/files.ts', fix: 'use `fs.promises.readdir`' } }],
    },
    {
      filename: at('js-paths/routes/hash.js'),
      code: `const { hash } = require('~lib/hash');
module.exports.digest = async (text) => hash(text);`,
      errors: [{ messageId: 'transitiveCall', line: 2, column: 41, data: { callee: 'hash', context: 'async arrow function `module.exports.digest`', chain: 'hash → crypto.scryptSync', line: '3 of ../lib/hash.js', fix: 'use `util.promisify(crypto.scrypt)`' } }],
    },
    {
      filename: at('workspace/app/server.mjs'),
      code: `import { pack } from '@acme/shared';
export async function handle(data) {
  return pack(data);
}`,
      errors: [{ messageId: 'transitiveCall', line: 3, column: 10, data: { callee: 'pack', context: 'async function `handle`', chain: 'pack → zlib.deflateSync', line: '3 of ../packages/shared/src/index.js', fix: 'use `util.promisify(zlib.deflate)`' } }],
    },
    // A local helper that calls an imported one: the chain names both, and the file of the blocking call.
    {
      filename: at('routes/invalid.js'),
      code: `const express = require('express');
const config = require('../lib/config');
function settings() {
  return config.load();
}
express().get('/x', (req, res) => res.json(settings()));`,
      errors: [{ messageId: 'transitiveCall', line: 6, column: 44, data: { callee: 'settings', context: EXPRESS_ROUTE, chain: 'settings → config.load → readConfig → fs.readFileSync', line: '4 of ../lib/config.js', fix: 'use `fs.promises.readFile`' } }],
    },
    // Callbacks that run later, created while serving: a listener on the request, a Node-style callback, a timer.
    {
      filename: at('routes/invalid.mjs'),
      code: `import express from 'express';
import { loadConfig } from '../lib/esm.mjs';
import { readFile } from 'node:fs';
express().get('/x', (req, res) => {
  req.on('close', () => loadConfig());
  readFile('a.txt', () => loadConfig());
  setTimeout(() => loadConfig(), 10);
});`,
      errors: [
        { messageId: 'transitiveCall', line: 5, column: 25, data: { callee: 'loadConfig', context: `${EXPRESS_ROUTE} (inside the \`close\` event listener)`, chain: 'loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 6, column: 27, data: { callee: 'loadConfig', context: `${EXPRESS_ROUTE} (inside a \`readFile\` callback)`, chain: 'loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 7, column: 20, data: { callee: 'loadConfig', context: `${EXPRESS_ROUTE} (inside a \`setTimeout\` callback)`, chain: 'loadConfig → fs.readFileSync', line: '5 of ../lib/esm.mjs', fix: 'use `fs.promises.readFile`' } },
      ],
    },
  ],
});
