// no-blocking-in-handler: blocking calls in *sync* request handlers, recognised from the
// framework's own import (or registration, convention, type). The non-HTTP families (queues,
// WebSockets, schedules) are covered in handler-families.test.ts.

import path from 'node:path';

import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-blocking-in-handler.js';
import { lint, repoRoot } from '../helpers/lint.js';
import { createRuleTester } from './rule-tester.js';

const readFile = 'use `fs.promises.readFile`';
const writeFile = 'use `fs.promises.writeFile`';
const appendFile = 'use `fs.promises.appendFile`';

createRuleTester().run('no-blocking-in-handler', rule, {
  valid: [
    // ── Recognition needs a framework: parameter names alone never make a handler ──────────

    // `(req, res)` with no framework import, neither exported nor registered anywhere.
    `import { readFileSync } from 'node:fs';
function handle(req, res) {
  res.end(readFileSync('x'));
}
handle.length;`,
    // A route-shaped call on an object imported from some other module is not a router.
    `import { readFileSync } from 'node:fs';
import { client } from './http-client';
client.get('/users', (data) => readFileSync('cache.json'));`,
    // NestJS verb decorators outside a @Controller class.
    `import { Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';
export class NotAController {
  @Get()
  find() {
    return readFileSync('x');
  }
}`,
    // An exported `handler` is a Lambda's only with evidence: not a yargs command module's…
    {
      code: `const fs = require('fs');
exports.command = 'build';
exports.handler = function (argv) {
  fs.readFileSync(argv.config);
};`,
      filename: 'file.js',
    },
    // …nor one that takes something other than an event, with no aws-lambda import and no serverless config.
    `import { readFileSync } from 'node:fs';
export function handler(options: { path: string }) {
  return readFileSync(options.path);
}`,
    // A default export is a Next.js API route only under pages/api.
    {
      code: `import { readFileSync } from 'node:fs';
export default function handler(a, b) {
  b.status(200).send(readFileSync('users.json'));
}`,
      filename: 'lib/users.ts',
    },
    // Remix `loader` only counts in a route module (routes/ or a Remix import).
    {
      code: `import { readFileSync } from 'node:fs';
export function loader() {
  return JSON.parse(readFileSync('users.json', 'utf8'));
}`,
      filename: 'app/lib/users.ts',
    },
    // A user registrar whose `construct` does not match how the factory is invoked.
    {
      code: `import { createApp } from 'tiny-http';
import { readFileSync } from 'node:fs';
const app = createApp();
app.handle((input) => readFileSync('x'));`,
      settings: { unblock: { handlers: [{ module: 'tiny-http', factory: 'createApp', construct: 'new', methods: ['handle'] }] } },
    },
    // Without the settings entry, an unknown framework's registration is nothing.
    `import { createApp } from 'my-framework';
import { readFileSync } from 'node:fs';
const app = createApp();
app.route('/x', (input) => readFileSync('x'));`,

    // ── Start-up and shutdown code is not a handler ─────────────────────────────────────────

    // Top-level reads and the `listen` callback.
    `import express from 'express';
import { readFileSync, writeFileSync } from 'node:fs';
const app = express();
const page = readFileSync('index.html', 'utf8');
app.get('/', (req, res) => res.send(page));
app.listen(3000, () => writeFileSync('server.pid', String(process.pid)));`,
    // Koa: `listen` callback and an app-level `error` listener.
    `import Koa from 'koa';
import { readFileSync } from 'node:fs';
const app = new Koa();
app.use((ctx) => { ctx.body = 'ok'; });
app.listen(3000, () => readFileSync('pid'));
app.on('error', (err) => readFileSync('err'));`,
    // Fastify: a plugin body configures the server once; `ready` and application hooks (`onClose`, `onReady`).
    `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.register((instance, opts, done) => {
  const schema = readFileSync('schema.json');
  instance.get('/x', (request, reply) => reply.send(schema));
  done();
});
app.ready(() => readFileSync('ready'));
app.addHook('onClose', (instance, done) => { readFileSync('bye'); done(); });
app.addHook('onReady', (done) => { readFileSync('hello'); done(); });`,
    // node:http: the `listening` event fires once.
    `import http from 'node:http';
import { readFileSync } from 'node:fs';
const server = http.createServer((req, res) => res.end('ok'));
server.on('listening', () => readFileSync('pid'));`,
    // A timer at module level, next to an app, is not per request.
    `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
setInterval(() => readFileSync('x'), 1000);
app.get('/', (req, res) => res.end());`,

    // ── Async handlers belong to no-blocking-in-async (each call is reported by one rule) ───

    `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/users', async (req, res) => {
  res.send(readFileSync('users.json'));
});`,
    // …including sync callbacks inside an async handler.
    `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', async (req, res) => {
  res.send(req.query.files.map((file) => readFileSync(file)));
});`,
    `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.get('/x', async (request, reply) => readFileSync('x'));`,
    `import { Controller, Get } from '@nestjs/common';
import { readFileSync } from 'node:fs';
@Controller()
export class A {
  @Get()
  async x() {
    return readFileSync('x');
  }
}`,

    // ── Inside a sync handler, but not run by it on the loop ────────────────────────────────

    // A closure defined but not called by the handler.
    `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => {
  const later = () => readFileSync('x');
  res.send('ok');
});`,
    // A helper called from the handler is no-transitive-blocking's to report.
    `import express from 'express';
import { readFileSync } from 'node:fs';
function load() {
  return readFileSync('x');
}
const app = express();
app.get('/x', (req, res) => res.send(load()));`,
    // Callback forms do not block.
    `import express from 'express';
import fs from 'node:fs';
import crypto from 'node:crypto';
const app = express();
app.get('/x', (req, res) => {
  fs.readFile('x', (err, data) => res.send(data));
  crypto.randomBytes(16, (err, buf) => res.send(buf));
});`,
    // Handed to the built-in offload wrapper: runs in a worker.
    `import express from 'express';
import { readFileSync } from 'node:fs';
import { offload } from '@unblock/runtime';
const app = express();
app.get('/x', (req, res) => {
  offload(() => readFileSync('x')).then((data) => res.send(data));
});`,
    // …or to one named in settings.unblock.offloadWrappers.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => runInPool(() => readFileSync('x')));`,
      settings: { unblock: { offloadWrappers: ['runInPool'] } },
    },
    // Sleeps are no-busy-wait's.
    `import express from 'express';
import sleep from 'sleep';
const app = express();
app.get('/x', (req, res) => { sleep.sleep(1); res.end(); });`,
    // A worker-thread file runs off the main loop.
    `import express from 'express';
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => res.send(readFileSync('x')));`,

    // ── Options ─────────────────────────────────────────────────────────────────────────────

    // Low-severity APIs are off by default (compare includeLowSeverity below).
    `import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.get('/token', (req, res) => res.send(crypto.randomBytes(16).toString('hex')));`,
    // allow: a family.
    {
      code: `import express from 'express';
import { gzipSync } from 'node:zlib';
const app = express();
app.get('/x', (req, res) => res.send(gzipSync('x')));`,
      options: [{ allow: ['family:zlib'] }],
    },
    // allow: a module name.
    {
      code: `import express from 'express';
import bcrypt from 'bcryptjs';
const app = express();
app.post('/login', (req, res) => res.send(bcrypt.compareSync(req.body.password, req.user.hash)));`,
      options: [{ allow: ['bcryptjs'] }],
    },
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => res.send(readFileSync('x')));`,
      options: [{ allow: ['fs'] }],
    },
    // allow: the id of a settings.unblock.blockingApis entry.
    {
      code: `import express from 'express';
import { querySync } from 'legacy-db';
const app = express();
app.get('/x', (req, res) => res.send(querySync('select 1')));`,
      options: [{ allow: ['legacy-db.querySync'] }],
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync' }] } },
    },
    // allow: the `node:` prefix is accepted for a module.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => res.send(readFileSync('x')));`,
      options: [{ allow: ['node:fs'] }],
    },
  ],
  invalid: [
    // ── Labels and exported declarations ────────────────────────────────────────────────────
    // An exported function declaration shaped like a controller is a handler.
    {
      code: `import { readFileSync } from 'node:fs';
export function list(req, res) {
  res.send(readFileSync('users.json'));
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 12, data: { api: 'fs.readFileSync', context: 'HTTP route handler `list`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export default function list(req, res) {
  res.send(readFileSync('users.json'));
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 12, data: { api: 'fs.readFileSync', context: 'HTTP route handler `list`', fix: readFile } }],
    },
    // A registration method that is not an HTTP verb is not shown as one.
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.setNotFoundHandler((request, reply) => reply.send(readFileSync('404.html')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 55, data: { api: 'fs.readFileSync', context: 'Fastify route handler', fix: readFile } }],
    },
    // ── Express: app created from `import express from 'express'` ───────────────────────────
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/users', (req, res) => {
  res.send(readFileSync('users.json'));
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 12, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users`', fix: readFile } }],
    },
    // Every verb, with express and fs from require() in a CommonJS file.
    {
      code: `const express = require('express');
const fs = require('fs');
const app = express();
app.post('/users', (req, res) => res.send(fs.readFileSync('a')));
app.put('/users/:id', (req, res) => res.send(fs.readFileSync('b')));
app.delete('/users/:id', (req, res) => res.send(fs.readFileSync('c')));
app.patch('/users/:id', (req, res) => res.send(fs.readFileSync('d')));
app.all('/health', (req, res) => res.send(fs.readFileSync('e')));
app.options('/x', (req, res) => res.send(fs.readFileSync('f')));
app.head('/x', (req, res) => res.send(fs.readFileSync('g')));`,
      filename: 'file.js',
      errors: [
        { messageId: 'blockingCall', line: 4, column: 43, data: { api: 'fs.readFileSync', context: 'Express route handler `POST /users`', fix: readFile } },
        { messageId: 'blockingCall', line: 5, column: 46, data: { api: 'fs.readFileSync', context: 'Express route handler `PUT /users/:id`', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 49, data: { api: 'fs.readFileSync', context: 'Express route handler `DELETE /users/:id`', fix: readFile } },
        { messageId: 'blockingCall', line: 7, column: 48, data: { api: 'fs.readFileSync', context: 'Express route handler `PATCH /users/:id`', fix: readFile } },
        { messageId: 'blockingCall', line: 8, column: 43, data: { api: 'fs.readFileSync', context: 'Express route handler `ALL /health`', fix: readFile } },
        { messageId: 'blockingCall', line: 9, column: 42, data: { api: 'fs.readFileSync', context: 'Express route handler `OPTIONS /x`', fix: readFile } },
        { messageId: 'blockingCall', line: 10, column: 39, data: { api: 'fs.readFileSync', context: 'Express route handler `HEAD /x`', fix: readFile } },
      ],
    },
    // `require('express')()` in one expression, destructured fs.
    {
      code: `const app = require('express')();
const { readFileSync } = require('fs');
app.get('/x', (req, res) => res.send(readFileSync('x')));`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 3, column: 38, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },
    // `import x = require()` and `import * as`.
    {
      code: `import express = require('express');
import fs = require('fs');
const app = express();
app.get('/x', (req, res) => res.send(fs.readFileSync('x')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 38, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },
    {
      code: `import * as express from 'express';
import { readFileSync } from 'node:fs';
const app = express.default();
app.get('/a', (req, res) => res.send(readFileSync('a')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 38, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /a`', fix: readFile } }],
    },
    // fs required inside the handler.
    {
      code: `const express = require('express');
const app = express();
app.get('/x', function (req, res) {
  const fs = require('fs');
  res.send(fs.readFileSync('x'));
});`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 5, column: 12, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },
    // Chained registrations: each call returns the app.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
express().get('/a', (req, res) => res.send(readFileSync('a'))).post('/b', (req, res) => res.send(readFileSync('b')));`,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 44, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /a`', fix: readFile } },
        { messageId: 'blockingCall', line: 3, column: 98, data: { api: 'fs.readFileSync', context: 'Express route handler `POST /b`', fix: readFile } },
      ],
    },
    // A sync handler registered from async start-up code still runs per request.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
async function main() {
  const app = express();
  app.get('/x', (req, res) => res.send(readFileSync('x')));
  app.listen(3000);
}
main();`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 40, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },
    // Other catalog families in a handler, with their own advice.
    {
      code: `import express from 'express';
import { execSync } from 'node:child_process';
const app = express();
app.get('/version', (req, res) => res.send(execSync('git rev-parse HEAD').toString()));`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 44,
          data: { api: 'child_process.execSync', context: 'Express route handler `GET /version`', fix: 'use `util.promisify(child_process.exec)`' },
        },
      ],
    },

    // ── Express middleware: use, use(path), error middleware, param ─────────────────────────
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.use((req, res, next) => { readFileSync('a'); next(); });
app.use('/api', (req, res, next) => { readFileSync('b'); next(); });`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 31, data: { api: 'fs.readFileSync', context: 'Express middleware', fix: readFile } },
        { messageId: 'blockingCall', line: 5, column: 39, data: { api: 'fs.readFileSync', context: 'Express middleware `/api`', fix: readFile } },
      ],
    },
    // Error middleware `(err, req, res, next)` is middleware registered with `use`.
    {
      code: `import express from 'express';
import { appendFileSync } from 'node:fs';
const app = express();
app.use((err, req, res, next) => {
  appendFileSync('errors.log', String(err));
  res.status(500).end();
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.appendFileSync', context: 'Express error handler', fix: appendFile } }],
    },
    // A named error handler on a Router takes the function's name.
    {
      code: `import { Router } from 'express';
import { appendFileSync } from 'node:fs';
const router = Router();
router.use(function onError(err, req, res, next) {
  appendFileSync('errors.log', err.stack);
  next(err);
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.appendFileSync', context: 'Express error handler `onError`', fix: appendFile } }],
    },
    // Express counts parameters as `fn.length` does: a default ends the count, so this is middleware.
    {
      code: `import express from 'express';
import { appendFileSync } from 'node:fs';
const app = express();
app.use((req, res, next, extra = 1) => {
  appendFileSync('access.log', req.url);
  next();
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.appendFileSync', context: 'Express middleware', fix: appendFile } }],
    },
    // An error handler in a route's stack is one too.
    {
      code: `import express from 'express';
import { appendFileSync } from 'node:fs';
const app = express();
app.get('/report', build, (err, req, res, next) => {
  appendFileSync('errors.log', String(err));
  res.sendStatus(500);
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 3, data: { api: 'fs.appendFileSync', context: 'Express error handler `GET /report`', fix: appendFile } }],
    },
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.param('id', (req, res, next, id) => { req.user = readFileSync(id); next(); });`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 54, data: { api: 'fs.readFileSync', context: 'Express middleware `id`', fix: readFile } }],
    },

    // ── Express routers and route chains ────────────────────────────────────────────────────
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const router = express.Router();
router.get('/users', (req, res) => res.json(readFileSync('u')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 45, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users`', fix: readFile } }],
    },
    {
      code: `import { Router } from 'express';
import { readFileSync } from 'node:fs';
const router = Router();
router.post('/upload', (req, res) => res.json(readFileSync('u')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 47, data: { api: 'fs.readFileSync', context: 'Express route handler `POST /upload`', fix: readFile } }],
    },
    // `app.route(path).get(…).post(…)`: the path comes from `route()`.
    {
      code: `import express from 'express';
import { readFileSync, writeFileSync } from 'node:fs';
const app = express();
app.route('/books')
  .get((req, res) => res.send(readFileSync('books.json')))
  .post((req, res) => { writeFileSync('books.json', req.body); res.end(); });`,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 31, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /books`', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 25, data: { api: 'fs.writeFileSync', context: 'Express route handler `POST /books`', fix: writeFile } },
      ],
    },
    {
      code: `import { Router } from 'express';
import { readFileSync } from 'node:fs';
const router = Router();
router.route('/x').get((req, res) => res.send(readFileSync('x')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 47, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },

    // ── How handlers are passed: arrays, references, methods, wrappers ──────────────────────
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
const auth = (req, res, next) => next();
app.get('/admin', [auth, (req, res) => res.send(readFileSync('admin.html'))]);`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 49, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /admin`', fix: readFile } }],
    },
    // Named functions and consts defined elsewhere, passed by reference.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
function listUsers(req, res) {
  res.send(readFileSync('users.json'));
}
const showUser = (req, res) => res.send(readFileSync('user.json'));
const app = express();
app.get('/users', listUsers);
app.get('/users/:id', showUser);`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 12, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users`', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 41, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users/:id`', fix: readFile } },
      ],
    },
    // A method of a local object literal, and of a local class instance.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const users = {
  list(req, res) {
    res.send(readFileSync('users.json'));
  },
};
const app = express();
app.get('/users', users.list);`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 14, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users`', fix: readFile } }],
    },
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
class UsersController {
  list(req, res) {
    res.send(readFileSync('users.json'));
  }
}
const users = new UsersController();
const app = express();
app.get('/users', users.list);`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 14, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /users`', fix: readFile } }],
    },
    // A sync function wrapped in a call (`asyncHandler(fn)`) is still the handler.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
import asyncHandler from 'express-async-handler';
const app = express();
app.get('/x', asyncHandler((req, res) => res.send(readFileSync('x'))));`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 51, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },

    // ── Sync callbacks inside a sync handler run before it returns, or on the loop ──────────
    {
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/files', (req, res) => {
  const files = req.query.names.map((name) => fs.readFileSync(name));
  setTimeout(() => fs.writeFileSync('last', 'x'), 10);
  req.on('data', () => fs.appendFileSync('body', 'x'));
  new Promise((resolve) => resolve(fs.statSync('x')));
  res.send(files);
});`,
      errors: [
        { messageId: 'blockingCall', line: 5, column: 47, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /files` (inside a `map` callback)', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 20, data: { api: 'fs.writeFileSync', context: 'Express route handler `GET /files` (inside a `setTimeout` callback)', fix: writeFile } },
        { messageId: 'blockingCall', line: 7, column: 24, data: { api: 'fs.appendFileSync', context: 'Express route handler `GET /files` (inside the `data` event listener)', fix: appendFile } },
        { messageId: 'blockingCall', line: 8, column: 36, data: { api: 'fs.statSync', context: 'Express route handler `GET /files` (inside a Promise executor)', fix: 'use `fs.promises.stat`' } },
      ],
    },
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => {
  fetch('http://x').then(() => res.send(readFileSync('x')));
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 41, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x` (inside a `then` callback)', fix: readFile } }],
    },
    // A blocking function passed as the callback itself.
    {
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.get('/files', (req, res) => res.send(req.query.names.map(fs.readFileSync)));`,
      errors: [{ messageId: 'blockingCallback', line: 4, column: 62, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /files`', fix: readFile } }],
    },

    // ── Fastify ─────────────────────────────────────────────────────────────────────────────
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const fastify = Fastify({ logger: true });
fastify.get('/x', (request, reply) => {
  reply.send(readFileSync('x'));
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 14, data: { api: 'fs.readFileSync', context: 'Fastify route handler `GET /x`', fix: readFile } }],
    },
    {
      code: `const fastify = require('fastify')({ logger: true });
const { gzipSync } = require('zlib');
fastify.post('/zip', (request, reply) => reply.send(gzipSync(request.body)));`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 3, column: 53, data: { api: 'zlib.gzipSync', context: 'Fastify route handler `POST /zip`', fix: 'use `util.promisify(zlib.gzip)`' } }],
    },
    // A hook in a shorthand route's options.
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.get('/x', { preHandler: (request, reply, done) => { readFileSync('acl'); done(); } }, (request, reply) => reply.send('ok'));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 57, data: { api: 'fs.readFileSync', context: 'Fastify hook `preHandler`', fix: readFile } }],
    },
    // `route({ method, url, handler, onRequest })`.
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.route({
  method: 'GET',
  url: '/reports',
  onRequest: (request, reply, done) => { readFileSync('acl'); done(); },
  handler: (request, reply) => reply.send(readFileSync('report.csv')),
});`,
      errors: [
        { messageId: 'blockingCall', line: 7, column: 42, data: { api: 'fs.readFileSync', context: 'Fastify hook `onRequest`', fix: readFile } },
        { messageId: 'blockingCall', line: 8, column: 43, data: { api: 'fs.readFileSync', context: 'Fastify route handler `GET /reports`', fix: readFile } },
      ],
    },
    // Request hooks and the error handler (application hooks are in the valid cases).
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.addHook('onRequest', (request, reply, done) => { readFileSync('a'); done(); });
app.addHook('preHandler', function checkAcl(request, reply, done) { readFileSync('b'); done(); });
app.setErrorHandler((error, request, reply) => reply.send(readFileSync('c')));`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 54, data: { api: 'fs.readFileSync', context: 'Fastify hook `onRequest`', fix: readFile } },
        { messageId: 'blockingCall', line: 5, column: 69, data: { api: 'fs.readFileSync', context: 'Fastify hook `preHandler`', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 59, data: { api: 'fs.readFileSync', context: 'Fastify error handler', fix: readFile } },
      ],
    },
    // Routes inside a plugin: the plugin body is start-up, its routes are handlers.
    {
      code: `import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
const app = Fastify();
app.register(async (instance) => {
  const config = readFileSync('config.json');
  instance.get('/config', (request, reply) => reply.send(readFileSync('live.json')));
});`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 58, data: { api: 'fs.readFileSync', context: 'Fastify route handler `GET /config`', fix: readFile } }],
    },
    // A plugin wrapped in fastify-plugin.
    {
      code: `import fp from 'fastify-plugin';
import { readFileSync } from 'node:fs';
export default fp((app, opts, done) => {
  app.get('/x', (request, reply) => reply.send(readFileSync('x')));
  done();
});`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 48, data: { api: 'fs.readFileSync', context: 'Fastify route handler `GET /x`', fix: readFile } }],
    },

    // ── Koa, koa-router, @koa/router ────────────────────────────────────────────────────────
    {
      code: `import Koa from 'koa';
import { readFileSync } from 'node:fs';
const app = new Koa();
app.use((ctx, next) => {
  ctx.body = readFileSync('x');
  return next();
});`,
      errors: [{ messageId: 'blockingCall', line: 5, column: 14, data: { api: 'fs.readFileSync', context: 'Koa middleware', fix: readFile } }],
    },
    {
      code: `const Koa = require('koa');
const fs = require('fs');
const app = new Koa();
app.use((ctx) => { ctx.body = fs.readFileSync('x'); });`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 4, column: 31, data: { api: 'fs.readFileSync', context: 'Koa middleware', fix: readFile } }],
    },
    {
      code: `import Router from 'koa-router';
import { readFileSync } from 'node:fs';
const router = new Router();
router.get('/x', (ctx) => { ctx.body = readFileSync('x'); });`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 40, data: { api: 'fs.readFileSync', context: 'koa-router route handler `GET /x`', fix: readFile } }],
    },
    {
      code: `import Router from '@koa/router';
import { readFileSync } from 'node:fs';
const router = new Router({ prefix: '/api' });
router.del('/x', (ctx) => { ctx.body = readFileSync('x'); });
router.use((ctx, next) => { readFileSync('y'); return next(); });`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 40, data: { api: 'fs.readFileSync', context: 'koa-router route handler `DEL /x`', fix: readFile } },
        { messageId: 'blockingCall', line: 5, column: 29, data: { api: 'fs.readFileSync', context: 'koa-router middleware', fix: readFile } },
      ],
    },

    // ── Hono ────────────────────────────────────────────────────────────────────────────────
    {
      code: `import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
const app = new Hono();
app.get('/x', (c) => c.text(readFileSync('x', 'utf8')));
app.use('*', (c, next) => { readFileSync('y'); return next(); });
app.onError((err, c) => c.text(readFileSync('z', 'utf8')));
app.on('PURGE', '/cache', (c) => c.text(readFileSync('w', 'utf8')));`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 29, data: { api: 'fs.readFileSync', context: 'Hono route handler `GET /x`', fix: readFile } },
        { messageId: 'blockingCall', line: 5, column: 29, data: { api: 'fs.readFileSync', context: 'Hono middleware `*`', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 32, data: { api: 'fs.readFileSync', context: 'Hono error handler', fix: readFile } },
        { messageId: 'blockingCall', line: 7, column: 41, data: { api: 'fs.readFileSync', context: 'Hono route handler `PURGE /cache`', fix: readFile } },
      ],
    },
    {
      code: `import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
const api = new Hono().basePath('/api');
api.post('/x', (c) => c.json(readFileSync('x', 'utf8')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 30, data: { api: 'fs.readFileSync', context: 'Hono route handler `POST /x`', fix: readFile } }],
    },

    // ── Decorator frameworks: NestJS, NestJS GraphQL, routing-controllers ───────────────────
    // Decorated methods of a @Controller; the undecorated helper is not a handler.
    {
      code: `import { Controller, Get, Post } from '@nestjs/common';
import { readFileSync } from 'node:fs';
@Controller('users')
export class UsersController {
  @Get(':id')
  findOne() {
    return readFileSync('user.json');
  }
  @Post()
  create() {
    return readFileSync('create.json');
  }
  helper() {
    return readFileSync('helper.json');
  }
}`,
      errors: [
        { messageId: 'blockingCall', line: 7, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS route handler `UsersController.findOne (GET /users/:id)`', fix: readFile } },
        { messageId: 'blockingCall', line: 11, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS route handler `UsersController.create (POST /users)`', fix: readFile } },
      ],
    },
    // A guard's canActivate runs per request.
    {
      code: `import { CanActivate, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
@Injectable()
export class AclGuard implements CanActivate {
  canActivate() {
    return readFileSync('acl').length > 0;
  }
}`,
      errors: [{ messageId: 'blockingCall', line: 6, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS middleware `AclGuard.canActivate`', fix: readFile } }],
    },
    {
      code: `import { Query, Resolver } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
@Resolver()
export class Books {
  @Query()
  books() {
    return readFileSync('books.json');
  }
}`,
      errors: [{ messageId: 'blockingCall', line: 7, column: 12, data: { api: 'fs.readFileSync', context: 'NestJS GraphQL route handler `Books.books (query)`', fix: readFile } }],
    },
    {
      code: `import { JsonController, Get } from 'routing-controllers';
import { readFileSync } from 'node:fs';
@JsonController('/users')
export class Users {
  @Get('/')
  all() {
    return readFileSync('users.json');
  }
}`,
      errors: [{ messageId: 'blockingCall', line: 7, column: 12, data: { api: 'fs.readFileSync', context: 'routing-controllers route handler `Users.all (GET /users)`', fix: readFile } }],
    },

    // ── Node's own servers ──────────────────────────────────────────────────────────────────
    {
      code: `import http from 'node:http';
import { readFileSync } from 'node:fs';
const server = http.createServer((req, res) => {
  res.end(readFileSync('index.html'));
});
server.on('request', (req, res) => { readFileSync('log'); });`,
      errors: [
        { messageId: 'blockingCall', line: 4, column: 11, data: { api: 'fs.readFileSync', context: 'node:http request listener', fix: readFile } },
        { messageId: 'blockingCall', line: 6, column: 38, data: { api: 'fs.readFileSync', context: 'node:http request listener `request`', fix: readFile } },
      ],
    },
    // createServer from require(), with a `listen` callback that is start-up.
    {
      code: `const { createServer } = require('http');
const fs = require('fs');
createServer((req, res) => res.end(fs.readFileSync('x'))).listen(8080, () => fs.writeFileSync('pid', 'x'));`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 3, column: 36, data: { api: 'fs.readFileSync', context: 'node:http request listener', fix: readFile } }],
    },
    // http2 `stream` events; the key read at start-up is fine.
    {
      code: `import http2 from 'node:http2';
import { readFileSync } from 'node:fs';
const server = http2.createSecureServer({ key: readFileSync('key.pem') });
server.on('stream', (stream) => stream.end(readFileSync('index.html')));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 44, data: { api: 'fs.readFileSync', context: 'node:http request listener `stream`', fix: readFile } }],
    },

    // ── File conventions: Next.js, Remix, Lambda ────────────────────────────────────────────
    {
      code: `import { scryptSync } from 'node:crypto';
export function GET(request: Request) {
  return Response.json({ key: scryptSync('secret', 'salt', 64).toString('hex') });
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 31, data: { api: 'crypto.scryptSync', context: 'Next.js route handler `GET`', fix: 'use `util.promisify(crypto.scrypt)`' } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export default function handler(a, b) {
  b.status(200).send(readFileSync('users.json'));
}`,
      filename: 'src/pages/api/users.ts',
      errors: [{ messageId: 'blockingCall', line: 3, column: 22, data: { api: 'fs.readFileSync', context: 'Next.js route handler `API route`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export function loader() {
  return JSON.parse(readFileSync('users.json', 'utf8'));
}`,
      filename: 'app/routes/users.tsx',
      errors: [{ messageId: 'blockingCall', line: 3, column: 21, data: { api: 'fs.readFileSync', context: 'Remix route handler `loader`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export const handler = (event) => ({ statusCode: 200, body: readFileSync('x', 'utf8') });`,
      errors: [{ messageId: 'blockingCall', line: 2, column: 61, data: { api: 'fs.readFileSync', context: 'AWS Lambda route handler `handler`', fix: readFile } }],
    },
    // The aws-lambda types are evidence, whatever the parameter is called.
    {
      code: `import type { Handler } from 'aws-lambda';
import { readFileSync } from 'node:fs';
export const handler: Handler = (input) => readFileSync('x', 'utf8');`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 44, data: { api: 'fs.readFileSync', context: 'AWS Lambda route handler `handler`', fix: readFile } }],
    },
    // So is a Serverless Framework config that deploys the directory (tests/fixtures/serverless-app/serverless.yml).
    {
      code: `import { readFileSync } from 'node:fs';
export function handler(input) {
  return readFileSync(input.path, 'utf8');
}`,
      filename: path.join(repoRoot, 'tests', 'fixtures', 'serverless-app', 'handler.ts'),
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'fs.readFileSync', context: 'AWS Lambda route handler `handler`', fix: readFile } }],
    },
    {
      code: `const fs = require('fs');
exports.handler = function (event, context) {
  return fs.readFileSync('x', 'utf8');
};`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'fs.readFileSync', context: 'AWS Lambda route handler `handler`', fix: readFile } }],
    },

    // ── h3 / Nuxt, Firebase, Cloud Functions, Azure Functions ───────────────────────────────
    {
      code: `import { defineEventHandler } from 'h3';
import { readFileSync } from 'node:fs';
export default defineEventHandler((event) => readFileSync('x', 'utf8'));`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 46, data: { api: 'fs.readFileSync', context: 'h3 route handler', fix: readFile } }],
    },
    // Nuxt auto-imports defineEventHandler: the global name is the evidence.
    {
      code: `import { execSync } from 'node:child_process';
export default defineEventHandler((event) => execSync('uptime').toString());`,
      errors: [
        { messageId: 'blockingCall', line: 2, column: 46, data: { api: 'child_process.execSync', context: 'h3 route handler', fix: 'use `util.promisify(child_process.exec)`' } },
      ],
    },
    {
      code: `import { onRequest } from 'firebase-functions/v2/https';
import { readFileSync } from 'node:fs';
export const api = onRequest((req, res) => { res.send(readFileSync('x')); });`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 55, data: { api: 'fs.readFileSync', context: 'Firebase Functions route handler', fix: readFile } }],
    },
    {
      code: `import * as functions from 'firebase-functions/v1';
import { readFileSync } from 'node:fs';
export const api = functions.https.onRequest((req, res) => { res.send(readFileSync('x')); });`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 71, data: { api: 'fs.readFileSync', context: 'Firebase Functions route handler', fix: readFile } }],
    },
    {
      code: `import functions from '@google-cloud/functions-framework';
import { readFileSync } from 'node:fs';
functions.http('hello', (req, res) => { res.send(readFileSync('x')); });`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 50, data: { api: 'fs.readFileSync', context: 'Cloud Functions route handler', fix: readFile } }],
    },
    {
      code: `import { app } from '@azure/functions';
import { readFileSync } from 'node:fs';
app.http('hello', { methods: ['GET'], handler: (request, context) => ({ body: readFileSync('x', 'utf8') }) });`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 79, data: { api: 'fs.readFileSync', context: 'Azure Functions route handler `handler`', fix: readFile } }],
    },

    // ── Fallbacks when the app object is not visible ────────────────────────────────────────
    // Framework types on the parameters (type-only import).
    {
      code: `import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
export function listUsers(req: Request, res: Response) {
  res.send(readFileSync('users.json'));
}`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 12, data: { api: 'fs.readFileSync', context: 'Express route handler `listUsers`', fix: readFile } }],
    },
    {
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { readFileSync } from 'node:fs';
function users(req: NextApiRequest, res: NextApiResponse) {
  res.send(readFileSync('users.json'));
}
users.length;`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 12, data: { api: 'fs.readFileSync', context: 'Next.js route handler `users`', fix: readFile } }],
    },
    // A route-shaped registration on a router passed in as a parameter.
    {
      code: `import { readFileSync } from 'node:fs';
export function mount(router) {
  router.get('/users', (req, res) => res.send(readFileSync('users.json')));
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 47, data: { api: 'fs.readFileSync', context: 'Express-style route handler `GET /users`', fix: readFile } }],
    },
    // Error middleware on a router passed in as a parameter.
    {
      code: `import { appendFileSync } from 'node:fs';
export function mount(router) {
  router.use((err, req, res, next) => { appendFileSync('errors.log', err.stack); next(err); });
}`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 41, data: { api: 'fs.appendFileSync', context: 'Express-style error handler', fix: appendFile } }],
    },
    // Controller-shaped exports: `(req, res)` *and* exported (ESM const, export list, CommonJS).
    {
      code: `import { readFileSync } from 'node:fs';
export const list = (req, res) => {
  res.send(readFileSync('users.json'));
};`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 12, data: { api: 'fs.readFileSync', context: 'HTTP route handler `list`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
function list(req, res) {
  res.send(readFileSync('users.json'));
}
export { list };`,
      errors: [{ messageId: 'blockingCall', line: 3, column: 12, data: { api: 'fs.readFileSync', context: 'HTTP route handler `list`', fix: readFile } }],
    },
    {
      code: `const fs = require('fs');
exports.list = (req, res) => {
  res.send(fs.readFileSync('users.json'));
};`,
      filename: 'file.js',
      errors: [{ messageId: 'blockingCall', line: 3, column: 12, data: { api: 'fs.readFileSync', context: 'HTTP route handler `exports.list`', fix: readFile } }],
    },

    // ── settings.unblock.handlers: registrar, exports and decorator forms ───────────────────
    {
      code: `import { createApp } from 'tiny-http';
import { readFileSync } from 'node:fs';
const app = createApp();
app.get('/x', (input) => readFileSync('x'));`,
      settings: { unblock: { handlers: [{ module: 'tiny-http', factory: 'createApp', construct: 'call', methods: ['get', 'post'], framework: 'tiny-http' }] } },
      errors: [{ messageId: 'blockingCall', line: 4, column: 26, data: { api: 'fs.readFileSync', context: 'tiny-http route handler `GET /x`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export function handle(params) {
  return { body: readFileSync('x', 'utf8') };
}`,
      settings: { unblock: { handlers: [{ exports: ['handle'], framework: 'OpenWhisk' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 18, data: { api: 'fs.readFileSync', context: 'OpenWhisk route handler `handle`', fix: readFile } }],
    },
    {
      code: `import { readFileSync } from 'node:fs';
import { Endpoint } from 'my-decorators';
export class Api {
  @Endpoint('/x')
  x() {
    return readFileSync('x');
  }
}`,
      settings: { unblock: { handlers: [{ module: 'my-decorators', decorators: ['Endpoint'] }] } },
      errors: [{ messageId: 'blockingCall', line: 6, column: 12, data: { api: 'fs.readFileSync', context: 'my-decorators route handler `Api.x`', fix: readFile } }],
    },

    // ── Options ─────────────────────────────────────────────────────────────────────────────
    // includeLowSeverity: the same call as the valid case above is now reported.
    {
      code: `import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.get('/token', (req, res) => res.send(crypto.randomBytes(16).toString('hex')));`,
      options: [{ includeLowSeverity: true }],
      errors: [
        { messageId: 'blockingCall', line: 4, column: 42, data: { api: 'crypto.randomBytes', context: 'Express route handler `GET /token`', fix: 'use `util.promisify(crypto.randomBytes)`' } },
      ],
    },
    // …and applies to a user API rated low.
    {
      code: `import express from 'express';
import { querySync } from 'legacy-db';
const app = express();
app.get('/x', (req, res) => res.send(querySync('select 1')));`,
      options: [{ includeLowSeverity: true }],
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync', severity: 'low' }] } },
      errors: [
        {
          messageId: 'blockingCall',
          line: 4,
          column: 38,
          data: { api: 'legacy-db.querySync', context: 'Express route handler `GET /x`', fix: 'run it in a worker with `offload` from @unblock/runtime' },
        },
      ],
    },
    // allow: an id allows only that API.
    {
      code: `import express from 'express';
import { existsSync, readFileSync } from 'node:fs';
const app = express();
app.get('/x', (req, res) => res.send(existsSync('x') ? readFileSync('x') : ''));`,
      options: [{ allow: ['fs.existsSync'] }],
      errors: [{ messageId: 'blockingCall', line: 4, column: 56, data: { api: 'fs.readFileSync', context: 'Express route handler `GET /x`', fix: readFile } }],
    },
    // allow: a family allows only that family.
    {
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const app = express();
app.get('/x', (req, res) => res.send(gzipSync(readFileSync('x'))));`,
      options: [{ allow: ['family:fs'] }],
      errors: [{ messageId: 'blockingCall', line: 5, column: 38, data: { api: 'zlib.gzipSync', context: 'Express route handler `GET /x`', fix: 'use `util.promisify(zlib.gzip)`' } }],
    },
    // Without allow, the module allowed in the valid cases is reported, with its own advice.
    {
      code: `import express from 'express';
import bcrypt from 'bcryptjs';
const app = express();
app.post('/login', (req, res) => res.send(bcrypt.compareSync(req.body.password, req.user.hash)));`,
      errors: [{ messageId: 'blockingCall', line: 4, column: 43, data: { api: 'bcryptjs.compareSync', context: 'Express route handler `POST /login`', fix: 'use `bcryptjs.compare`' } }],
    },
    // A settings.unblock.blockingApis entry, with its replacement as the advice.
    {
      code: `import express from 'express';
import { querySync } from 'legacy-db';
const app = express();
app.get('/x', (req, res) => res.send(querySync('select 1')));`,
      settings: { unblock: { blockingApis: [{ module: 'legacy-db', path: 'querySync', replacement: 'use `db.query`, which returns a promise' }] } },
      errors: [
        { messageId: 'blockingCall', line: 4, column: 38, data: { api: 'legacy-db.querySync', context: 'Express route handler `GET /x`', fix: 'use `db.query`, which returns a promise' } },
      ],
    },
  ],
});

// Mistakes in configuration stop the run instead of silently allowing or recognising nothing.
// RuleTester cannot expect a throw, so these lint through ESLint's Linter.
describe('no-blocking-in-handler configuration errors', () => {
  const code = `import express from 'express';\nconst app = express();\napp.get('/', (req, res) => res.end());`;

  it('rejects an unknown `allow` entry, naming the closest id', () => {
    expect(() => lint(code, { 'unblock/no-blocking-in-handler': ['error', { allow: ['fs.readFileSnc'] }] })).toThrow(
      /option `allow` has "fs\.readFileSnc", which is not a catalog id, module or family \(did you mean "fs\.readFileSync"\?\)/,
    );
  });

  it('rejects a settings.unblock.handlers registrar without `methods`', () => {
    expect(() => lint(code, { 'unblock/no-blocking-in-handler': 'error' }, 'example.ts', { unblock: { handlers: [{ module: 'my-framework' }] } })).toThrow(
      /unblock: settings\.unblock\.handlers\[0\]\.methods is required/,
    );
  });
});
