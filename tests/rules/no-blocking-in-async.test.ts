import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-blocking-in-async.js';
import { createRuleTester } from './rule-tester.js';

const readFileFix = 'use `fs.promises.readFile`';
const sqliteFix = 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver';
const offloadFix = 'run it in a worker with `offload` from @unblock/runtime';
const workerModuleFix = 'run it in a worker with `workerModule` from @unblock/runtime';

/** One async function that calls four APIs from three families and three modules, for the `allow` option. */
const loginCode = `import fs from 'node:fs';
import bcrypt from 'bcryptjs';
import { pbkdf2Sync } from 'node:crypto';
export async function login(p: string, password: string, hash: string) {
  fs.existsSync(p);
  fs.readFileSync(p);
  pbkdf2Sync(password, 'salt', 1000, 64, 'sha512');
  return bcrypt.compareSync(password, hash);
}`;

createRuleTester().run('no-blocking-in-async', rule, {
  valid: [
    // ── Shadowing: a local name that matches an API is not the API ──────────────────────────
    // A parameter named like the import.
    `import { readFileSync } from 'node:fs';
export async function load(readFileSync: (p: string) => string) {
  return readFileSync('x');
}`,
    // A local function declared over the imported name.
    `import { readFileSync } from 'node:fs';
export async function load() {
  const readFileSync = (p: string) => p.toUpperCase();
  return readFileSync('x');
}`,
    // A local object called `fs`, with no import at all.
    `export async function load() {
  const fs = { readFileSync: (p: string) => p };
  return fs.readFileSync('x');
}`,
    // A block-scoped `fs` hides the imported one.
    `import fs from 'node:fs';
export async function load() {
  { const fs = { readFileSync: (p: string) => p }; return fs.readFileSync('x'); }
}`,
    // A parameter called `require` is not the global one.
    `export async function read(require: (m: string) => { readFileSync(p: string): string }, p: string) {
  return require('fs').readFileSync(p);
}`,
    // A type-only import carries no value; the parameter is what is called.
    `import type { readFileSync } from 'node:fs';
export async function run(readFileSync: (p: string) => string, p: string) {
  return readFileSync(p);
}`,
    // The user's own *Sync helpers from a relative module.
    `import { readFileSync, globSync } from './util';
export async function load(p: string) {
  return readFileSync(p) + globSync(p);
}`,
    // A local module that happens to be called fs.
    `import fs from './fs';
export async function read(p: string) {
  return fs.readFileSync(p);
}`,

    // ── Non-blocking forms of the same modules ───────────────────────────────────────────────
    // fs.promises.*.
    `import fs from 'node:fs';
export async function load(p: string) {
  return fs.promises.readFile(p, 'utf8');
}`,
    // fs/promises, named and namespace.
    `import { readFile } from 'node:fs/promises';
import * as fsp from 'fs/promises';
export async function load(p: string) {
  await fsp.stat(p);
  return readFile(p, 'utf8');
}`,
    // The callback API.
    `import fs from 'node:fs';
export async function load(p: string) {
  fs.readFile(p, (err, data) => console.log(err, data));
}`,
    // randomBytes is low severity: not reported by default.
    `import { randomBytes } from 'node:crypto';
export async function token() {
  return randomBytes(16).toString('hex');
}`,
    // randomBytes with a callback does not block, even with includeLowSeverity.
    {
      code: `import { randomBytes } from 'node:crypto';
export async function token(done: (err: Error | null, buf: Buffer) => void) {
  randomBytes(16, (err, buf) => done(err, buf));
  randomBytes(16, done);
}`,
      options: [{ includeLowSeverity: true }],
    },
    // Synchronous sleeps are no-busy-wait's to report.
    `import sleep from 'sleep';
export async function wait() {
  sleep.sleep(1);
}`,

    // ── Where the code runs: nothing async is on the loop ────────────────────────────────────
    // Module top level.
    `import { readFileSync } from 'node:fs';
const config = readFileSync('config.json', 'utf8');
export const data = JSON.parse(readFileSync('data.json', 'utf8')) as unknown;
export const all = ['a', 'b'].map((file) => readFileSync(file, 'utf8'));
console.log(config);`,
    // Top-level await.
    `import { readFileSync } from 'node:fs';
const config = await Promise.resolve(readFileSync('config.json', 'utf8'));
export default config;`,
    // A sync function: its callers are no-transitive-blocking's business.
    `import { readFileSync } from 'node:fs';
export function loadConfig() {
  return readFileSync('config.json', 'utf8');
}`,
    // A sync helper declared inside an async function but only returned, not run.
    `import { readFileSync } from 'node:fs';
export async function run(p: string) {
  function helper() { return readFileSync(p); }
  return helper;
}`,
    // A callback handed to an unknown function: when it runs is unknown.
    `import { readFileSync } from 'node:fs';
declare function register(fn: () => void): void;
export async function run(p: string) {
  register(() => readFileSync(p));
}`,
    // A sync generator runs when iterated, which is its caller's question.
    `import fs from 'node:fs';
export async function load(p: string) {
  function* gen() { yield fs.readFileSync(p); }
  return gen;
}`,
    // Start-up: main() called from the top level.
    `import { readFileSync } from 'node:fs';
async function main() {
  const config = readFileSync('config.json', 'utf8');
  console.log(config);
}
main();`,
    // Start-up: an async IIFE at the top level.
    `import { readFileSync } from 'node:fs';
(async () => {
  readFileSync('config.json', 'utf8');
})();`,
    // Test-runner callbacks.
    `import { readFileSync } from 'node:fs';
describe('x', () => {
  it('reads', async () => {
    readFileSync('fixture.json', 'utf8');
  });
});`,
    // A shutdown listener registered inside an async function.
    `import { readFileSync } from 'node:fs';
export async function run(server: { on(e: string, f: () => void): void }) {
  server.on('close', () => readFileSync('x'));
}`,
    // A worker-thread file.
    `import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort!.on('message', async (p: string) => {
  parentPort!.postMessage(readFileSync(p));
});`,
    // A sync Express handler is no-blocking-in-handler's to report.
    `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/', (req, res) => {
  res.send(fs.readFileSync('index.html'));
});`,

    // ── Offload wrappers ─────────────────────────────────────────────────────────────────────
    // A function passed to offload runs in a worker.
    `import { readFileSync } from 'node:fs';
import { offload } from '@unblock/runtime';
export async function load(p: string) {
  return offload((file: string) => readFileSync(file, 'utf8'), p);
}`,
    // So does a blocking function passed by reference.
    `import fs from 'node:fs';
import { offload } from '@unblock/runtime';
export async function load(p: string) {
  return offload(fs.readFileSync, p);
}`,
    // runInExecutor takes the function second.
    `import { readFileSync } from 'node:fs';
import { runInExecutor } from '@unblock/runtime';
export async function load(executor: never, p: string) {
  return runInExecutor(executor, () => readFileSync(p, 'utf8'));
}`,
    // settings.unblock.offloadWrappers: a plain name (reported without it: see invalid).
    {
      code: `import { readFileSync } from 'node:fs';
import { runInPool } from './pool';
export async function load(p: string) {
  return runInPool(readFileSync, p);
}`,
      settings: { unblock: { offloadWrappers: ['runInPool'] } },
    },
    // settings.unblock.offloadWrappers: a dotted name matches the end of the callee.
    {
      code: `import fs from 'node:fs';
export class Loader {
  constructor(private workers: { exec(fn: unknown, p: string): Promise<unknown> }) {}
  async load(p: string) {
    return this.workers.exec(fs.readFileSync, p);
  }
}`,
      settings: { unblock: { offloadWrappers: ['workers.exec'] } },
    },

    // ── Options: allow ───────────────────────────────────────────────────────────────────────
    // A catalog id.
    {
      code: `import { existsSync } from 'node:fs';
export async function has(p: string) {
  return existsSync(p);
}`,
      options: [{ allow: ['fs.existsSync'] }],
    },
    // A method id of a known type, and a module name for every better-sqlite3 method.
    {
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function users() {
  db.exec('VACUUM');
  return db.prepare('SELECT * FROM users').all();
}`,
      options: [{ allow: ['better-sqlite3'] }],
    },
    // Several families at once, plus a module.
    { code: loginCode, options: [{ allow: ['family:crypto', 'family:fs', 'bcryptjs'] }] },

    // ── settings.unblock.blockingApis ────────────────────────────────────────────────────────
    {
      // A project file's entry names that file: another passwords.js elsewhere is not it.
      code: `import { hashPassword } from './lib/passwords.js';
export async function login(password: string) {
  return hashPassword(password);
}`,
      filename: 'scripts/users.ts',
      settings: { unblock: { blockingApis: [{ module: './src/lib/passwords.js', path: 'hashPassword' }] } },
    },
    // Without the setting, an unknown package is not reported.
    `import { querySync } from 'legacy-db';
export async function users() {
  return querySync('SELECT 1');
}`,
    // A user entry's id is accepted by allow.
    {
      code: `import { querySync } from 'legacy-db';
export async function users() {
  return querySync('SELECT 1');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync' }] } },
      options: [{ allow: ['legacy-db.querySync'] }],
    },
    // A low-severity user entry is off by default.
    {
      code: `import { querySync } from 'legacy-db';
export async function users() {
  return querySync('SELECT 1');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync', severity: 'low' }] } },
    },
    // A user entry in the sleep family belongs to no-busy-wait.
    {
      code: `import sleepFor from 'my-sleep';
export async function wait() {
  sleepFor(100);
}`,
      settings: { unblock: { blockingApis: [{ module: 'my-sleep', path: '', family: 'sleep' }] } },
    },
  ],

  invalid: [
    // ── Options and suggestions at their edges ──────────────────────────────────────────────
    // Allowing graceful-fs does not silence node:fs; the module the call came through decides.
    {
      code: `import fs from 'node:fs';
export async function load(p: string) {
  return fs.readFileSync(p);
}`,
      options: [{ allow: ['graceful-fs'] }],
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function load(p: string) {
  return await fs.promises.readFile(p);
}`,
            },
          ],
        },
      ],
    },
    // An `await` already in place is kept, not doubled.
    {
      code: `import fs from 'node:fs';
export async function load(p: string) {
  const data = await fs.readFileSync(p);
  return data;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function load(p: string) {
  const data = await fs.promises.readFile(p);
  return data;
}`,
            },
          ],
        },
      ],
    },
    // rimraf.sync's twin takes a callback before rimraf 4, so no suggestion is offered.
    {
      code: `import rimraf from 'rimraf';
export async function reset(dir: string) {
  rimraf.sync(dir);
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 3, suggestions: [] }],
    },
    // ── Import tracking ──────────────────────────────────────────────────────────────────────
    {
      // ESM named import; the suggestion adds a named import from fs/promises next to it.
      code: `import { readFileSync } from 'fs';
export async function load(p: string) {
  const text = readFileSync(p, 'utf8');
  return text;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 16,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'readFile' },
              output: `import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
export async function load(p: string) {
  const text = await readFile(p, 'utf8');
  return text;
}`,
            },
          ],
        },
      ],
    },
    {
      // An aliased import, with the node: prefix kept in the new import.
      code: `import { readFileSync as rf } from 'node:fs';
export async function load(p: string) {
  return rf(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'readFile' },
              output: `import { readFileSync as rf } from 'node:fs';
import { readFile } from 'node:fs/promises';
export async function load(p: string) {
  return await readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // A namespace import: the suggestion goes through fs.promises.
      code: `import * as fs from 'node:fs';
export async function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import * as fs from 'node:fs';
export async function load(p: string) {
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // A default import; the awaited call is parenthesised before `.size`.
      code: `import fs from 'fs';
export async function load(p: string) {
  const size = fs.statSync(p).size;
  return size;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 16,
          data: { api: 'fs.statSync', context: 'async function `load`', fix: 'use `fs.promises.stat`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.stat' },
              output: `import fs from 'fs';
export async function load(p: string) {
  const size = (await fs.promises.stat(p)).size;
  return size;
}`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS require with destructuring and renaming: no suggestion (the codemod rewrites CommonJS).
      code: `const { readFileSync: read, existsSync } = require('fs');
exports.load = async function load(p) {
  if (!existsSync(p)) return null;
  return read(p, 'utf8');
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 8,
          data: { api: 'fs.existsSync', context: 'async function `load`', fix: 'use `fs.promises.access`' },
          suggestions: [],
        },
        { messageId: 'blockingCall', line: 4, column: 10, data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix }, suggestions: [] },
      ],
    },
    {
      // require of the whole module, with node:, in an exported arrow.
      code: `const fs = require('node:fs');
module.exports = async (p) => fs.writeFileSync(p, 'x');`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 31,
          data: { api: 'fs.writeFileSync', context: 'async arrow function `module.exports`', fix: 'use `fs.promises.writeFile`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.writeFile' },
              output: `const fs = require('node:fs');
module.exports = async (p) => await fs.promises.writeFile(p, 'x');`,
            },
          ],
        },
      ],
    },
    {
      // An inline require('fs').readFileSync.
      code: `async function load(p) {
  return require('fs').readFileSync(p, 'utf8');
}
module.exports = { load };`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: "require('fs').promises.readFile" },
              output: `async function load(p) {
  return await require('fs').promises.readFile(p, 'utf8');
}
module.exports = { load };`,
            },
          ],
        },
      ],
    },
    {
      // process.getBuiltinModule('fs').
      code: `const fs = process.getBuiltinModule('fs');
export async function load(p: string) {
  return fs.readFileSync(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `const fs = process.getBuiltinModule('fs');
export async function load(p: string) {
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // process.getBuiltinModule('node:fs'), destructured: no import to extend, so no suggestion.
      code: `const { readFileSync } = process.getBuiltinModule('node:fs');
export async function load(p: string) {
  return readFileSync(p, 'utf8');
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, suggestions: [] }],
    },
    {
      // A computed member with a literal name.
      code: `import fs from 'node:fs';
export async function load(p: string) {
  return fs['readFileSync'](p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function load(p: string) {
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // .call and .apply are reported; their arguments differ from the API's, so no suggestion.
      code: `import fs from 'node:fs';
import { readFileSync } from 'node:fs';
export async function load(p: string) {
  fs.readFileSync.call(fs, p, 'utf8');
  return readFileSync.apply(null, [p, 'utf8']);
}`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 3, data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix }, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 10, data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix }, suggestions: [] },
      ],
    },
    {
      // A reference passed as a callback.
      code: `import fs from 'node:fs';
export async function loadAll(files: string[]) {
  return files.map(fs.readFileSync);
}`,
      errors: [
        {
          messageId: 'blockingCallback',
          line: 3,
          column: 20,
          data: { api: 'fs.readFileSync', context: 'async function `loadAll`', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // await import('node:fs').
      code: `export async function load(p: string) {
  const fs = await import('node:fs');
  return fs.readFileSync(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `export async function load(p: string) {
  const fs = await import('node:fs');
  return await fs.promises.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript's import = require().
      code: `import fs = require('fs');
export async function read(p: string) {
  return fs.readFileSync(p);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs = require('fs');
export async function read(p: string) {
  return await fs.promises.readFile(p);
}`,
            },
          ],
        },
      ],
    },
    {
      // A require made by createRequire.
      code: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { readdirSync } = require('fs');
export async function list(dir: string) {
  return readdirSync(dir);
}`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 10, data: { api: 'fs.readdirSync', context: 'async function `list`', fix: 'use `fs.promises.readdir`' }, suggestions: [] }],
    },
    {
      // A bound copy, and a member destructured from the module inside the function.
      code: `import fs from 'node:fs';
export async function run(p: string) {
  const read = fs.readFileSync.bind(fs);
  const { writeFileSync } = fs;
  writeFileSync(p, read(p));
}`,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.writeFileSync', context: 'async function `run`', fix: 'use `fs.promises.writeFile`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 20, data: { api: 'fs.readFileSync', context: 'async function `run`', fix: readFileFix }, suggestions: [] },
      ],
    },

    // ── Catalog families ─────────────────────────────────────────────────────────────────────
    {
      // fs: cpSync, rmSync, opendirSync have exact promise twins; globSync's returns an async iterator.
      code: `import fs from 'node:fs';
export async function prepare(dir: string) {
  fs.cpSync('template', dir, { recursive: true });
  fs.rmSync(dir + '/tmp', { recursive: true, force: true });
  const handle = fs.opendirSync(dir);
  return fs.globSync('*.ts', { cwd: dir });
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 3,
          data: { api: 'fs.cpSync', context: 'async function `prepare`', fix: 'use `fs.promises.cp`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.cp' },
              output: `import fs from 'node:fs';
export async function prepare(dir: string) {
  await fs.promises.cp('template', dir, { recursive: true });
  fs.rmSync(dir + '/tmp', { recursive: true, force: true });
  const handle = fs.opendirSync(dir);
  return fs.globSync('*.ts', { cwd: dir });
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 3,
          data: { api: 'fs.rmSync', context: 'async function `prepare`', fix: 'use `fs.promises.rm`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.rm' },
              output: `import fs from 'node:fs';
export async function prepare(dir: string) {
  fs.cpSync('template', dir, { recursive: true });
  await fs.promises.rm(dir + '/tmp', { recursive: true, force: true });
  const handle = fs.opendirSync(dir);
  return fs.globSync('*.ts', { cwd: dir });
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 5,
          column: 18,
          data: { api: 'fs.opendirSync', context: 'async function `prepare`', fix: 'use `fs.promises.opendir`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.opendir' },
              output: `import fs from 'node:fs';
export async function prepare(dir: string) {
  fs.cpSync('template', dir, { recursive: true });
  fs.rmSync(dir + '/tmp', { recursive: true, force: true });
  const handle = await fs.promises.opendir(dir);
  return fs.globSync('*.ts', { cwd: dir });
}`,
            },
          ],
        },
        { messageId: 'blockingCall', line: 6, column: 10, data: { api: 'fs.globSync', context: 'async function `prepare`', fix: 'use `fs.promises.glob`' }, suggestions: [] },
      ],
    },
    {
      // existsSync: awaiting access is not a drop-in (boolean vs rejection), so no suggestion.
      code: `import { existsSync } from 'node:fs';
export async function has(p: string) {
  return existsSync(p);
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'fs.existsSync', context: 'async function `has`', fix: 'use `fs.promises.access`' }, suggestions: [] }],
    },
    {
      // child_process.
      code: `import { execSync, execFileSync, spawnSync } from 'node:child_process';
export async function run() {
  execSync('ls');
  execFileSync('git', ['status']);
  return spawnSync('npm', ['test']);
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 3, data: { api: 'child_process.execSync', context: 'async function `run`', fix: 'use `util.promisify(child_process.exec)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 3, data: { api: 'child_process.execFileSync', context: 'async function `run`', fix: 'use `util.promisify(child_process.execFile)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 10, data: { api: 'child_process.spawnSync', context: 'async function `run`', fix: 'use `child_process.spawn` and await its `close` event' }, suggestions: [] },
      ],
    },
    {
      // crypto.
      code: `import crypto from 'node:crypto';
export async function derive(password: string, salt: string) {
  const a = crypto.pbkdf2Sync(password, salt, 1000, 64, 'sha512');
  const b = crypto.scryptSync(password, salt, 64);
  const c = crypto.hkdfSync('sha256', a, b, 'info', 32);
  return [c, crypto.generateKeyPairSync('ed25519')];
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 13, data: { api: 'crypto.pbkdf2Sync', context: 'async function `derive`', fix: 'use `util.promisify(crypto.pbkdf2)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 13, data: { api: 'crypto.scryptSync', context: 'async function `derive`', fix: 'use `util.promisify(crypto.scrypt)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 5, column: 13, data: { api: 'crypto.hkdfSync', context: 'async function `derive`', fix: 'use `util.promisify(crypto.hkdf)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 6, column: 14, data: { api: 'crypto.generateKeyPairSync', context: 'async function `derive`', fix: 'use `util.promisify(crypto.generateKeyPair)`' }, suggestions: [] },
      ],
    },
    {
      // includeLowSeverity: randomBytes without a callback is reported (valid by default above).
      code: `import { randomBytes } from 'node:crypto';
export async function token() {
  return randomBytes(16).toString('hex');
}`,
      options: [{ includeLowSeverity: true }],
      errors: [
        { messageId: 'blockingCall', line: 3, column: 10, data: { api: 'crypto.randomBytes', context: 'async function `token`', fix: 'use `util.promisify(crypto.randomBytes)`' }, suggestions: [] },
      ],
    },
    {
      // zlib.
      code: `import zlib from 'node:zlib';
export async function pack(data: Buffer) {
  const gz = zlib.gzipSync(data);
  return zlib.brotliCompressSync(gz);
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 14, data: { api: 'zlib.gzipSync', context: 'async function `pack`', fix: 'use `util.promisify(zlib.gzip)`' }, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 10, data: { api: 'zlib.brotliCompressSync', context: 'async function `pack`', fix: 'use `util.promisify(zlib.brotliCompress)`' }, suggestions: [] },
      ],
    },
    {
      // fs-extra: its own sync APIs and the fs ones it re-exports, each with a promise twin.
      code: `import fse from 'fs-extra';
export async function config(p: string) {
  const data = fse.readJsonSync(p);
  fse.outputFileSync(p + '.bak', JSON.stringify(data));
  return fse.readFileSync(p, 'utf8');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 16,
          data: { api: 'fs-extra.readJsonSync', context: 'async function `config`', fix: 'use `readJson` from fs-extra, which returns a promise' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fse.readJson' },
              output: `import fse from 'fs-extra';
export async function config(p: string) {
  const data = await fse.readJson(p);
  fse.outputFileSync(p + '.bak', JSON.stringify(data));
  return fse.readFileSync(p, 'utf8');
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 3,
          data: { api: 'fs-extra.outputFileSync', context: 'async function `config`', fix: 'use `outputFile` from fs-extra, which returns a promise' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fse.outputFile' },
              output: `import fse from 'fs-extra';
export async function config(p: string) {
  const data = fse.readJsonSync(p);
  await fse.outputFile(p + '.bak', JSON.stringify(data));
  return fse.readFileSync(p, 'utf8');
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 5,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `config`', fix: 'use `readFile` from fs-extra, which returns a promise' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fse.readFile' },
              output: `import fse from 'fs-extra';
export async function config(p: string) {
  const data = fse.readJsonSync(p);
  fse.outputFileSync(p + '.bak', JSON.stringify(data));
  return await fse.readFile(p, 'utf8');
}`,
            },
          ],
        },
      ],
    },
    {
      // fs-extra's re-exported readFileSync by name: the twin is added to the same import.
      code: `import { readFileSync } from 'fs-extra';
export async function load(p: string) {
  return readFileSync(p);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'readFile' },
              output: `import { readFileSync, readFile } from 'fs-extra';
export async function load(p: string) {
  return await readFile(p);
}`,
            },
          ],
        },
      ],
    },
    {
      // graceful-fs.
      code: `const fs = require('graceful-fs');
exports.load = async (p) => fs.readFileSync(p, 'utf8');`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 29,
          data: { api: 'fs.readFileSync', context: 'async arrow function `exports.load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `const fs = require('graceful-fs');
exports.load = async (p) => await fs.promises.readFile(p, 'utf8');`,
            },
          ],
        },
      ],
    },
    {
      // glob ≥ 9's globSync.
      code: `import { globSync } from 'glob';
export async function files() {
  return globSync('*.js');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'glob.globSync', context: 'async function `files`', fix: 'use `glob.glob`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'glob' },
              output: `import { globSync, glob } from 'glob';
export async function files() {
  return await glob('*.js');
}`,
            },
          ],
        },
      ],
    },
    {
      // fast-glob's sync, and globby's globbySync.
      code: `import fg from 'fast-glob';
import { globbySync } from 'globby';
export async function files() {
  return [...fg.sync('**/*.md'), ...globbySync('**/*.ts')];
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 14,
          data: { api: 'fast-glob.sync', context: 'async function `files`', fix: 'use `async` from fast-glob, which returns a promise' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fg.async' },
              output: `import fg from 'fast-glob';
import { globbySync } from 'globby';
export async function files() {
  return [...await fg.async('**/*.md'), ...globbySync('**/*.ts')];
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 4,
          column: 37,
          data: { api: 'globby.globbySync', context: 'async function `files`', fix: 'use `globby.globby`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'globby' },
              output: `import fg from 'fast-glob';
import { globbySync, globby } from 'globby';
export async function files() {
  return [...fg.sync('**/*.md'), ...await globby('**/*.ts')];
}`,
            },
          ],
        },
      ],
    },
    {
      // execa ≥ 6's execaSync.
      code: `import { execaSync } from 'execa';
export async function build() {
  return execaSync('npm', ['run', 'build']);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'execa.execaSync', context: 'async function `build`', fix: 'use `execa.execa`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'execa' },
              output: `import { execaSync, execa } from 'execa';
export async function build() {
  return await execa('npm', ['run', 'build']);
}`,
            },
          ],
        },
      ],
    },
    {
      // execa ≤ 5's execa.sync; the module itself is the async form.
      code: `import execa from 'execa';
export async function status() {
  return execa.sync('git', ['status']);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'execa.sync', context: 'async function `status`', fix: 'use `execa()`, which returns a promise' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'execa' },
              output: `import execa from 'execa';
export async function status() {
  return await execa('git', ['status']);
}`,
            },
          ],
        },
      ],
    },
    {
      // bcrypt.
      code: `import bcrypt from 'bcrypt';
export async function check(password: string, hash: string) {
  return bcrypt.compareSync(password, hash);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'bcrypt.compareSync', context: 'async function `check`', fix: 'use `bcrypt.compare`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'bcrypt.compare' },
              output: `import bcrypt from 'bcrypt';
export async function check(password: string, hash: string) {
  return await bcrypt.compare(password, hash);
}`,
            },
          ],
        },
      ],
    },
    {
      // bcryptjs through require.
      code: `const bcrypt = require('bcryptjs');
exports.hash = async (password) => bcrypt.hashSync(password, 10);`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 36,
          data: { api: 'bcryptjs.hashSync', context: 'async arrow function `exports.hash`', fix: 'use `bcryptjs.hash`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'bcrypt.hash' },
              output: `const bcrypt = require('bcryptjs');
exports.hash = async (password) => await bcrypt.hash(password, 10);`,
            },
          ],
        },
      ],
    },
    {
      // mkdirp's mkdirp.sync and rimraf ≥ 4's rimrafSync.
      code: `import mkdirp from 'mkdirp';
import { rimrafSync } from 'rimraf';
export async function reset(dir: string) {
  rimrafSync(dir);
  mkdirp.sync(dir);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 3,
          data: { api: 'rimraf.rimrafSync', context: 'async function `reset`', fix: 'use `rimraf.rimraf`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'rimraf' },
              output: `import mkdirp from 'mkdirp';
import { rimrafSync, rimraf } from 'rimraf';
export async function reset(dir: string) {
  await rimraf(dir);
  mkdirp.sync(dir);
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 5,
          column: 3,
          data: { api: 'mkdirp.sync', context: 'async function `reset`', fix: 'use `mkdirp()`, which returns a promise' },
          // mkdirp 0.x's `mkdirp()` takes a callback, so no version-blind suggestion is offered.
          suggestions: [],
        },
      ],
    },
    {
      // xlsx: no async form, so the advice is to offload.
      code: `import XLSX from 'xlsx';
export async function sheet(p: string) {
  return XLSX.readFile(p);
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'xlsx.readFile', context: 'async function `sheet`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // better-sqlite3: a Database made in this file, followed through prepare().
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function users() {
  return db.prepare('SELECT * FROM users').all();
}`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 10, data: { api: 'Statement.all', context: 'async function `users`', fix: sqliteFix }, suggestions: [] }],
    },
    {
      // better-sqlite3: a statement prepared at start-up, and a Database method.
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const find = db.prepare('SELECT * FROM users WHERE id = ?');
export async function user(id: number) {
  db.exec('PRAGMA foreign_keys = ON');
  return find.get(id);
}`,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 3, data: { api: 'Database.exec', context: 'async function `user`', fix: sqliteFix }, suggestions: [] },
        { messageId: 'blockingCall', line: 6, column: 10, data: { api: 'Statement.get', context: 'async function `user`', fix: sqliteFix }, suggestions: [] },
      ],
    },
    {
      // better-sqlite3: a Database held in a class field.
      code: `import Database from 'better-sqlite3';
export class Repo {
  private db = new Database('app.db');
  async all() {
    return this.db.prepare('SELECT 1').all();
  }
}`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 12, data: { api: 'Statement.all', context: 'async method `Repo.all`', fix: sqliteFix }, suggestions: [] }],
    },
    {
      // better-sqlite3: calling a transaction function, in CommonJS.
      code: `const Database = require('better-sqlite3');
const db = Database('app.db');
const insertMany = db.transaction((rows) => rows.forEach((row) => db.prepare('INSERT').run(row)));
exports.save = async (rows) => insertMany(rows);`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 4, column: 32, data: { api: 'transaction function()', context: 'async arrow function `exports.save`', fix: sqliteFix }, suggestions: [] }],
    },
    {
      // node:sqlite's DatabaseSync.
      code: `import { DatabaseSync } from 'node:sqlite';
const db = new DatabaseSync(':memory:');
export async function rows() {
  return db.prepare('SELECT 1').all();
}`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 10, data: { api: 'StatementSync.all', context: 'async function `rows`', fix: sqliteFix }, suggestions: [] }],
    },

    // ── Async contexts ───────────────────────────────────────────────────────────────────────
    {
      // An async function expression.
      code: `import fs from 'node:fs';
export const load = async function (p: string) {
  return fs.readFileSync(p, 'utf8');
};`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export const load = async function (p: string) {
  return await fs.promises.readFile(p, 'utf8');
};`,
            },
          ],
        },
      ],
    },
    {
      // An async arrow with an expression body.
      code: `import fs from 'node:fs';
export const load = async (p: string) => fs.readFileSync(p, 'utf8');`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 2,
          column: 42,
          data: { api: 'fs.readFileSync', context: 'async arrow function `load`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export const load = async (p: string) => await fs.promises.readFile(p, 'utf8');`,
            },
          ],
        },
      ],
    },
    {
      // Class methods: public, private (#) and static.
      code: `import fs from 'node:fs';
export class Repo {
  async load(p: string) {
    return fs.unlinkSync(p);
  }
  async #read(p: string) {
    return fs.readlinkSync(p);
  }
  static async create(p: string) {
    return fs.mkdirSync(p);
  }
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 12,
          data: { api: 'fs.unlinkSync', context: 'async method `Repo.load`', fix: 'use `fs.promises.unlink`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.unlink' },
              output: `import fs from 'node:fs';
export class Repo {
  async load(p: string) {
    return await fs.promises.unlink(p);
  }
  async #read(p: string) {
    return fs.readlinkSync(p);
  }
  static async create(p: string) {
    return fs.mkdirSync(p);
  }
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 7,
          column: 12,
          data: { api: 'fs.readlinkSync', context: 'async method `Repo.#read`', fix: 'use `fs.promises.readlink`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readlink' },
              output: `import fs from 'node:fs';
export class Repo {
  async load(p: string) {
    return fs.unlinkSync(p);
  }
  async #read(p: string) {
    return await fs.promises.readlink(p);
  }
  static async create(p: string) {
    return fs.mkdirSync(p);
  }
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 10,
          column: 12,
          data: { api: 'fs.mkdirSync', context: 'async method `Repo.create`', fix: 'use `fs.promises.mkdir`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.mkdir' },
              output: `import fs from 'node:fs';
export class Repo {
  async load(p: string) {
    return fs.unlinkSync(p);
  }
  async #read(p: string) {
    return fs.readlinkSync(p);
  }
  static async create(p: string) {
    return await fs.promises.mkdir(p);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // An object-literal method, and an async arrow held by a property.
      code: `import { realpathSync } from 'node:fs';
export const repo = {
  async load(p: string) {
    return realpathSync(p);
  },
  read: async (p: string) => realpathSync(p),
};`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 12,
          data: { api: 'fs.realpathSync', context: 'async method `load`', fix: 'use `fs.promises.realpath`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'realpath' },
              output: `import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
export const repo = {
  async load(p: string) {
    return await realpath(p);
  },
  read: async (p: string) => realpathSync(p),
};`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 6,
          column: 30,
          data: { api: 'fs.realpathSync', context: 'async arrow function `read`', fix: 'use `fs.promises.realpath`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'realpath' },
              output: `import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
export const repo = {
  async load(p: string) {
    return realpathSync(p);
  },
  read: async (p: string) => await realpath(p),
};`,
            },
          ],
        },
      ],
    },
    {
      // A class field holding an async arrow.
      code: `import fs from 'node:fs';
export class Svc {
  load = async (p: string) => fs.lstatSync(p);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 31,
          data: { api: 'fs.lstatSync', context: 'async arrow function `Svc.load`', fix: 'use `fs.promises.lstat`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.lstat' },
              output: `import fs from 'node:fs';
export class Svc {
  load = async (p: string) => await fs.promises.lstat(p);
}`,
            },
          ],
        },
      ],
    },
    {
      // An async generator, in a for…of loop.
      code: `import fs from 'node:fs';
export async function* lines(files: string[]) {
  for (const file of files) {
    yield fs.readFileSync(file, 'utf8');
  }
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 11,
          data: { api: 'fs.readFileSync', context: 'async generator `lines`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function* lines(files: string[]) {
  for (const file of files) {
    yield await fs.promises.readFile(file, 'utf8');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // An anonymous async arrow is named by its line.
      code: `import fs from 'node:fs';
export async function load(files: string[]) {
  return Promise.all(files.map(async (f) => fs.readFileSync(f)));
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 45,
          data: { api: 'fs.readFileSync', context: 'an async arrow function (line 3)', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function load(files: string[]) {
  return Promise.all(files.map(async (f) => await fs.promises.readFile(f)));
}`,
            },
          ],
        },
      ],
    },
    {
      // A while loop and a for…of loop.
      code: `import fs from 'node:fs';
export async function sweep(files: string[]) {
  let total = 0;
  for (const file of files) {
    total += fs.statSync(file).size;
  }
  while (total > 0) { fs.rmSync(files.pop()!); total--; }
  return total;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 14,
          data: { api: 'fs.statSync', context: 'async function `sweep`', fix: 'use `fs.promises.stat`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.stat' },
              output: `import fs from 'node:fs';
export async function sweep(files: string[]) {
  let total = 0;
  for (const file of files) {
    total += (await fs.promises.stat(file)).size;
  }
  while (total > 0) { fs.rmSync(files.pop()!); total--; }
  return total;
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 7,
          column: 23,
          data: { api: 'fs.rmSync', context: 'async function `sweep`', fix: 'use `fs.promises.rm`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.rm' },
              output: `import fs from 'node:fs';
export async function sweep(files: string[]) {
  let total = 0;
  for (const file of files) {
    total += fs.statSync(file).size;
  }
  while (total > 0) { await fs.promises.rm(files.pop()!); total--; }
  return total;
}`,
            },
          ],
        },
      ],
    },
    {
      // try, catch and finally blocks.
      code: `import fs from 'node:fs';
export async function read(p: string) {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return fs.readFileSync(p + '.bak', 'utf8');
  } finally {
    fs.unlinkSync(p + '.lock');
  }
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 12,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function read(p: string) {
  try {
    return await fs.promises.readFile(p, 'utf8');
  } catch {
    return fs.readFileSync(p + '.bak', 'utf8');
  } finally {
    fs.unlinkSync(p + '.lock');
  }
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function read(p: string) {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return await fs.promises.readFile(p + '.bak', 'utf8');
  } finally {
    fs.unlinkSync(p + '.lock');
  }
}`,
            },
          ],
        },
        {
          messageId: 'blockingCall',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.unlink' },
              output: `import fs from 'node:fs';
export async function read(p: string) {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return fs.readFileSync(p + '.bak', 'utf8');
  } finally {
    await fs.promises.unlink(p + '.lock');
  }
}`,
            },
          ],
        },
      ],
    },

    // ── Sync callbacks run by an async function: reported, with no suggestion (await is not allowed there) ──
    {
      // An array method's callback.
      code: `import fs from 'node:fs';
export async function loadUser(ids: string[]) {
  return ids.map((id) => fs.readFileSync(id, 'utf8'));
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 26,
          data: { api: 'fs.readFileSync', context: 'async function `loadUser` (inside a `map` callback)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // A forEach callback written as a function expression.
      code: `import fs from 'node:fs';
export async function removeAll(ids: string[]) {
  ids.forEach(function (id) { fs.unlinkSync(id); });
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 31,
          data: { api: 'fs.unlinkSync', context: 'async function `removeAll` (inside a `forEach` callback)', fix: 'use `fs.promises.unlink`' },
          suggestions: [],
        },
      ],
    },
    {
      // A Promise executor.
      code: `import fs from 'node:fs';
export async function read(p: string) {
  return new Promise((resolve) => {
    resolve(fs.readFileSync(p, 'utf8'));
  });
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 13,
          data: { api: 'fs.readFileSync', context: 'async function `read` (inside a Promise executor)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // An event listener registered inside an async function.
      code: `import fs from 'node:fs';
import { EventEmitter } from 'node:events';
export async function watch(emitter: EventEmitter, p: string) {
  emitter.on('change', () => {
    fs.readFileSync(p, 'utf8');
  });
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 5,
          data: { api: 'fs.readFileSync', context: 'async function `watch` (inside the `change` event listener)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // addEventListener counts as a listener too.
      code: `import fs from 'node:fs';
export async function listen(target: EventTarget, p: string) {
  target.addEventListener('message', () => fs.readFileSync(p));
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 44,
          data: { api: 'fs.readFileSync', context: 'async function `listen` (inside the `message` event listener)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // A timer registered inside an async function.
      code: `import fs from 'node:fs';
export async function later(p: string) {
  setTimeout(() => {
    fs.writeFileSync(p, 'done');
  }, 0);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 5,
          data: { api: 'fs.writeFileSync', context: 'async function `later` (inside a `setTimeout` callback)', fix: 'use `fs.promises.writeFile`' },
          suggestions: [],
        },
      ],
    },
    {
      // process.nextTick and setImmediate.
      code: `import fs from 'node:fs';
export async function soon(p: string) {
  process.nextTick(() => fs.readFileSync(p, 'utf8'));
  setImmediate(() => fs.readFileSync(p, 'utf8'));
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 26, data: { api: 'fs.readFileSync', context: 'async function `soon` (inside a `process.nextTick` callback)', fix: readFileFix }, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 22, data: { api: 'fs.readFileSync', context: 'async function `soon` (inside a `setImmediate` callback)', fix: readFileFix }, suggestions: [] },
      ],
    },
    {
      // A .then callback.
      code: `import fs from 'node:fs';
export async function chained(p: string) {
  return Promise.resolve(p).then((file) => fs.readFileSync(file, 'utf8'));
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 44,
          data: { api: 'fs.readFileSync', context: 'async function `chained` (inside a `then` callback)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // An immediately invoked function.
      code: `import fs from 'node:fs';
export async function iife(p: string) {
  return (() => fs.readFileSync(p, 'utf8'))();
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 17,
          data: { api: 'fs.readFileSync', context: 'async function `iife` (inside an immediately invoked function)', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // An async Express route handler is named by its route.
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/users/:id', async (req, res) => {
  res.send(fs.readFileSync(req.params.id));
});`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 12,
          data: { api: 'fs.readFileSync', context: 'async Express route handler `GET /users/:id`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/users/:id', async (req, res) => {
  res.send(await fs.promises.readFile(req.params.id));
});`,
            },
          ],
        },
      ],
    },

    // ── Suggestions: offered only when exact ─────────────────────────────────────────────────
    {
      // An existing import of the twin, under an alias, is reused.
      code: `import { readFileSync } from 'node:fs';
import { readFile as rf } from 'node:fs/promises';
export async function read(p: string) {
  const a = await rf(p);
  return readFileSync(p, 'utf8') + a.length;
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'rf' },
              output: `import { readFileSync } from 'node:fs';
import { readFile as rf } from 'node:fs/promises';
export async function read(p: string) {
  const a = await rf(p);
  return await rf(p, 'utf8') + a.length;
}`,
            },
          ],
        },
      ],
    },
    {
      // An existing fs/promises import gains the name, in the file's quote style.
      code: `import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
export async function load(p: string) {
  await stat(p);
  return readFileSync(p).toString();
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'readFile' },
              output: `import { readFileSync } from "node:fs";
import { stat, readFile } from "node:fs/promises";
export async function load(p: string) {
  await stat(p);
  return (await readFile(p)).toString();
}`,
            },
          ],
        },
      ],
    },
    {
      // The twin's name is taken in the module: no suggestion.
      code: `import { readFileSync } from 'node:fs';
const readFile = 1;
export async function read(p: string) {
  return readFileSync(p, 'utf8') + readFile;
}`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 10, suggestions: [] }],
    },
    {
      // Arguments that change the result: a numeric fd, and statSync's throwIfNoEntry.
      code: `import fs from 'node:fs';
export async function info(fd: number, p: string) {
  const text = fs.readFileSync(fd, 'utf8');
  return [text, fs.statSync(p, { throwIfNoEntry: false })?.size];
}`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 16, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 17, suggestions: [] },
      ],
    },
    {
      // A parameter default runs in the async function, but cannot hold an await.
      code: `import fs from 'node:fs';
export async function read(p: string, data = fs.readFileSync(p)) {
  return data;
}`,
      errors: [{ messageId: 'blockingCall', line: 2, column: 46, data: { api: 'fs.readFileSync', context: 'async function `read`', fix: readFileFix }, suggestions: [] }],
    },

    // ── Offload wrappers: only the configured ones ───────────────────────────────────────────
    {
      // Without settings.unblock.offloadWrappers, runInPool is an ordinary function (valid with it above).
      code: `import { readFileSync } from 'node:fs';
import { runInPool } from './pool';
export async function load(p: string) {
  return runInPool(readFileSync, p);
}`,
      errors: [
        {
          messageId: 'blockingCallback',
          line: 4,
          column: 20,
          data: { api: 'fs.readFileSync', context: 'async function `load`', fix: readFileFix },
          suggestions: [],
        },
      ],
    },
    {
      // A dotted wrapper matches the callee's end only: `pool.exec` is not `this.workers.exec`.
      code: `import fs from 'node:fs';
export class Loader {
  constructor(private workers: { exec(fn: unknown, p: string): Promise<unknown> }) {}
  async load(p: string) {
    return this.workers.exec(fs.readFileSync, p);
  }
}`,
      settings: { unblock: { offloadWrappers: ['pool.exec'] } },
      errors: [
        {
          messageId: 'blockingCallback',
          line: 5,
          column: 30,
          data: { api: 'fs.readFileSync', context: 'async method `Loader.load`', fix: readFileFix },
          suggestions: [],
        },
      ],
    },

    // ── Options: allow leaves the rest reported ──────────────────────────────────────────────
    {
      // Everything, without options.
      code: loginCode,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.existsSync', context: 'async function `login`', fix: 'use `fs.promises.access`' }, suggestions: [] },
        {
          messageId: 'blockingCall',
          line: 6,
          column: 3,
          data: { api: 'fs.readFileSync', context: 'async function `login`', fix: readFileFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: loginCode.replace('  fs.readFileSync(p);', '  await fs.promises.readFile(p);'),
            },
          ],
        },
        { messageId: 'blockingCall', line: 7, column: 3, data: { api: 'crypto.pbkdf2Sync', context: 'async function `login`', fix: 'use `util.promisify(crypto.pbkdf2)`' }, suggestions: [] },
        {
          messageId: 'blockingCall',
          line: 8,
          column: 10,
          data: { api: 'bcryptjs.compareSync', context: 'async function `login`', fix: 'use `bcryptjs.compare`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'bcrypt.compare' },
              output: loginCode.replace('return bcrypt.compareSync(', 'return await bcrypt.compare('),
            },
          ],
        },
      ],
    },
    {
      // A catalog id allows that API only.
      code: loginCode,
      options: [{ allow: ['fs.existsSync', 'fs.readFileSync'] }],
      errors: [
        { messageId: 'blockingCall', line: 7, column: 3, data: { api: 'crypto.pbkdf2Sync', context: 'async function `login`', fix: 'use `util.promisify(crypto.pbkdf2)`' }, suggestions: [] },
        {
          messageId: 'blockingCall',
          line: 8,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'bcrypt.compare' },
              output: loginCode.replace('return bcrypt.compareSync(', 'return await bcrypt.compare('),
            },
          ],
        },
      ],
    },
    {
      // A module name allows that module's APIs.
      code: loginCode,
      options: [{ allow: ['fs', 'bcryptjs'] }],
      errors: [{ messageId: 'blockingCall', line: 7, column: 3, data: { api: 'crypto.pbkdf2Sync', context: 'async function `login`', fix: 'use `util.promisify(crypto.pbkdf2)`' }, suggestions: [] }],
    },
    {
      // A family allows the whole family.
      code: loginCode,
      options: [{ allow: ['family:crypto', 'family:password-hashing'] }],
      errors: [
        { messageId: 'blockingCall', line: 5, column: 3, suggestions: [] },
        {
          messageId: 'blockingCall',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: loginCode.replace('  fs.readFileSync(p);', '  await fs.promises.readFile(p);'),
            },
          ],
        },
      ],
    },
    {
      // A method id leaves the type's other methods reported.
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function users() {
  db.exec('VACUUM');
  return db.prepare('SELECT * FROM users').all();
}`,
      options: [{ allow: ['better-sqlite3.Statement.all'] }],
      errors: [{ messageId: 'blockingCall', line: 4, column: 3, data: { api: 'Database.exec', context: 'async function `users`', fix: sqliteFix }, suggestions: [] }],
    },

    // ── settings.unblock.blockingApis: user entries ──────────────────────────────────────────
    {
      // A project file, named from the working directory, matches whatever relative path imports
      // it; `offload` cannot import it in a worker, so the advice is workerModule.
      code: `import { hashPassword } from '../lib/passwords.js';
export async function login(password: string) {
  return hashPassword(password);
}`,
      filename: 'src/routes/users.ts',
      settings: { unblock: { blockingApis: [{ module: './src/lib/passwords.js', path: 'hashPassword' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'passwords.hashPassword', context: 'async function `login`', fix: workerModuleFix }, suggestions: [] }],
    },
    {
      // The same file imported from next door, without its extension, and by its .ts name.
      code: `import * as passwords from './lib/passwords';
import { hashPassword } from './lib/passwords.ts';
export async function signUp() {
  return [passwords.hashPassword('a'), hashPassword('b')];
}`,
      filename: 'src/sign-up.ts',
      settings: { unblock: { blockingApis: [{ module: './src/lib/passwords.js', path: 'hashPassword' }] } },
      errors: [
        { messageId: 'blockingCall', line: 4, column: 11, data: { api: 'passwords.hashPassword', context: 'async function `signUp`', fix: workerModuleFix }, suggestions: [] },
        { messageId: 'blockingCall', line: 4, column: 40, data: { api: 'passwords.hashPassword', context: 'async function `signUp`', fix: workerModuleFix }, suggestions: [] },
      ],
    },
    {
      // A named export, with the user's advice.
      code: `import { querySync } from 'legacy-db';
export async function users() {
  return querySync('SELECT 1');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync', replacement: 'use `db.query`, which returns a promise' }] } },
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'legacy-db.querySync', context: 'async function `users`', fix: 'use `db.query`, which returns a promise' },
          suggestions: [],
        },
      ],
    },
    {
      // Through a default import; without advice, the message suggests offload.
      code: `import db from 'legacy-db';
export async function users() {
  return db.querySync('SELECT 1');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'legacy-db.querySync', context: 'async function `users`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // A nested path given as an array.
      code: `import tools from 'image-tools';
export async function thumb(p: string) {
  return tools.resize.sync(p);
}`,
      settings: { unblock: { blockingApis: [{ module: 'image-tools', path: ['resize', 'sync'], family: 'compression' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'image-tools.resize.sync', context: 'async function `thumb`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // path '' makes the module itself the blocking function.
      code: `import legacy from 'legacy-sync';
export async function compute() {
  return legacy('x');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-sync', path: '' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'legacy-sync()', context: 'async function `compute`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // A node: module in the setting matches a require with or without the prefix.
      code: `const { querySync } = require('node:legacy');
exports.users = async () => querySync('SELECT 1');`,
      filename: 'file.js',
      settings: { unblock: { blockingApis: [{ module: 'node:legacy', path: 'querySync' }] } },
      errors: [{ messageId: 'blockingCall', line: 2, column: 29, data: { api: 'legacy.querySync', context: 'async arrow function `exports.users`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // A low-severity user entry is reported with includeLowSeverity (valid without it above).
      code: `import { querySync } from 'legacy-db';
export async function users() {
  return querySync('SELECT 1');
}`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync', severity: 'low' }] } },
      options: [{ includeLowSeverity: true }],
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'legacy-db.querySync', context: 'async function `users`', fix: offloadFix }, suggestions: [] }],
    },
    {
      // A user entry for a built-in API replaces its advice (and so its suggestion).
      code: `import { readFileSync } from 'node:fs';
export async function users() {
  return readFileSync('x');
}`,
      settings: { unblock: { blockingApis: [{ module: 'fs', path: 'readFileSync', replacement: 'use our cached reader' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'fs.readFileSync', context: 'async function `users`', fix: 'use our cached reader' }, suggestions: [] }],
    },
  ],
});

describe('no-blocking-in-async option validation', () => {
  const lint = (options: unknown): Linter.LintMessage[] =>
    new Linter({ configType: 'flat' }).verify(
      `import fs from 'node:fs';\nexport async function has(p: string) {\n  return fs.existsSync(p);\n}`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { unblock: { rules: { 'no-blocking-in-async': rule as never } } },
          rules: { 'unblock/no-blocking-in-async': ['error', options] },
        },
      ],
      'file.ts',
    );

  it('rejects an unknown allow entry, naming the closest id', () => {
    expect(() => lint({ allow: ['fs.existSync'] })).toThrow(/option `allow` has "fs.existSync", which is not a catalog id, module or family \(did you mean "fs.existsSync"\?\)/);
  });

  it('accepts a known allow entry', () => {
    expect(lint({ allow: ['fs.existsSync'] })).toEqual([]);
  });
});
