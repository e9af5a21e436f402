// What tells start-up and tooling code from code that serves, and a cache from a per-request
// read: the cases measured on real services (bench/corpus), written as literal rule cases.

import path from 'node:path';

import noBlockingInAsync from '../../rules/no-blocking-in-async.js';
import noTransitiveBlocking from '../../rules/no-transitive-blocking.js';
import { createRuleTester } from './rule-tester.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'modules');
const at = (file: string): string => path.join(fixture, file);
const readFix = 'use `fs.promises.readFile`';

createRuleTester().run('no-blocking-in-async: start-up and tooling', noBlockingInAsync, {
  valid: [
    // An async function named for start-up work, called by another module's boot sequence.
    `import fs from 'node:fs';
export async function initDatabase() {
  return fs.readFileSync('schema.sql', 'utf8');
}`,
    `import fs from 'node:fs';
export const preSetupTasks = async function () {
  return fs.readdirSync('plugins');
};`,
    // A function that makes the server listen is the one that starts the service.
    `import fs from 'node:fs';
import https from 'node:https';
export default async function run(app: never) {
  const key = fs.readFileSync('key.pem');
  https.createServer({ key }, app).listen(443);
}`,
    // What a server is created with is read once.
    `import fs from 'node:fs';
import https from 'node:https';
export function serve(app: never) {
  void Promise.resolve().then(async () => https.createServer({ cert: fs.readFileSync('cert.pem') }, app));
}`,
    // The rest of start-up, chained on a promise at the top level.
    `import fs from 'node:fs';
declare const app: { prepare(): Promise<void> };
app.prepare().then(async () => {
  fs.readFileSync('settings.json');
});`,
    // An async helper that only runs behind its callers' cache guard.
    `import fs from 'node:fs';
async function downloadModel(name: string) {
  return fs.readFileSync(name);
}
export class Tokenizer {
  #instance: Buffer | undefined;
  async get() {
    if (this.#instance) return this.#instance;
    this.#instance = await downloadModel('model.bin');
    return this.#instance;
  }
}`,
    // Tooling: a command-line tool under bin/ and a test file.
    {
      code: `import { execSync } from 'node:child_process';
export async function install() {
  return execSync('systemctl daemon-reload');
}`,
      filename: at('bin/platforms/linux.js'),
    },
    {
      code: `import fs from 'node:fs';
export async function check() {
  return fs.readFileSync('fixture.json');
}`,
      filename: at('routes/users.test.js'),
    },
  ],
  invalid: [
    // A start-up name does not hide a function that a request handler calls in its own file.
    {
      code: `import fs from 'node:fs';
import express from 'express';
async function migrateCache() {
  return fs.existsSync('cache');
}
express().get('/x', async (req, res) => res.json(await migrateCache()));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 10, data: { api: 'fs.existsSync', context: 'async function `migrateCache`', fix: 'use `fs.promises.access`' } }],
    },
    // Only the function that itself makes the server listen starts the service, not the one written before it.
    {
      code: `import fs from 'node:fs';
import http from 'node:http';
export async function handle() {
  return fs.readFileSync('page.html');
}
export async function run() {
  http.createServer(() => undefined).listen(80);
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `handle`', fix: readFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
import http from 'node:http';
export async function handle() {
  return await fs.promises.readFile('page.html');
}
export async function run() {
  http.createServer(() => undefined).listen(80);
}`,
            },
          ],
        },
      ],
    },
    // A name that only starts like a start-up word is no start-up.
    {
      code: `import fs from 'node:fs';
export async function startJob() {
  return fs.readFileSync('job.json');
}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `startJob`', fix: readFix },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';
export async function startJob() {
  return await fs.promises.readFile('job.json');
}`,
            },
          ],
        },
      ],
    },
    // A file named like tests among the routes is not a test, nor a package inside a tests/ folder.
    {
      code: `import fs from 'node:fs';
export async function list() {
  return fs.readdirSync('data');
}`,
      filename: at('routes/tests.js'),
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readdir' },
              output: `import fs from 'node:fs';
export async function list() {
  return await fs.promises.readdir('data');
}`,
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester().run('no-transitive-blocking: caches, rate limiters, injected services', noTransitiveBlocking, {
  valid: [
    // A cache filled behind an early return: `if (CACHED) return CACHED;` … `CACHED = …`.
    `import fs from 'node:fs';
import express from 'express';
let CACHED: unknown = null;
function getConfig() {
  if (CACHED) {
    return CACHED;
  }
  CACHED = JSON.parse(fs.readFileSync('config.json', 'utf8'));
  return CACHED;
}
express().get('/x', (req, res) => res.json(getConfig()));`,
    // A memo table: \`cache.get(key) || compile(read(key))\` with \`cache.set(key, …)\`.
    `import fs from 'node:fs';
import express from 'express';
const templates = new Map<string, string>();
function template(name: string) {
  const text = templates.get(name) || fs.readFileSync(name, 'utf8');
  templates.set(name, text);
  return text;
}
express().get('/x', (req, res) => res.send(template('home')));`,
  ],
  invalid: [
    // A helper run through lodash's throttle still runs, on the loop, because of this call.
    {
      code: `import fs from 'node:fs';
import express from 'express';
import _ from 'lodash';
function backup() {
  return fs.readdirSync('backups');
}
function autosave() {
  const save = _.throttle(() => backup(), 1000);
  save();
}
express().post('/x', (req, res) => {
  autosave();
  res.end();
});`,
      errors: [{ messageId: 'transitiveCall', line: 12, column: 3, data: { callee: 'autosave', context: 'Express route handler `POST /x`', chain: 'autosave → backup → fs.readdirSync', line: '5', fix: 'use `fs.promises.readdir`' } }],
    },
    // A service injected through a constructor parameter property, as NestJS writes it.
    {
      filename: at('routes/controller.ts'),
      code: `import { ConfigService } from '../services/config.service.js';
export class ConfigController {
  constructor(private readonly config: ConfigService) {}
  async show() {
    return this.config.parse();
  }
}`,
      errors: [{ messageId: 'transitiveCall', line: 5, column: 12, data: { callee: 'this.config.parse', context: 'async method `ConfigController.show`', chain: 'this.config.parse → fs.readFileSync', line: '5 of ../services/config.service.ts', fix: readFix } }],
    },
  ],
});
