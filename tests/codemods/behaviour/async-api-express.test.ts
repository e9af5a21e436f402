// Serves the same routes before and after the async-api codemod, over HTTP: a
// missing file is still a 500 and a present one still a 200 with its content.
// Express 5 is the real one from the repository. Express 4 is not installed: a
// tiny stand-in with Express 4's dispatch (a handler's throw goes to `next`, a
// returned promise is ignored) shows that the rewrite still gets the error to
// `next`, where a bare async handler would leave the request hanging.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { asyncApi } from '../../../codemods/async-api/transform.js';
import { repoRoot } from '../../helpers/lint.js';

const ROUTES = `import express from 'express';
import { readFileSync, statSync } from 'node:fs';

export function createApp(directory) {
  const app = express();

  app.get('/file', (req, res) => {
    res.type('text/plain').send(readFileSync(\`\${directory}/\${req.query.name}\`, 'utf8'));
  });

  app.get('/size', (req, res) => res.json({ size: statSync(\`\${directory}/\${req.query.name}\`).size }));

  app.use((error, req, res, next) => {
    res.status(500).send(\`failed: \${error.code}\`);
  });

  return app;
}
`;

/** Express 4's dispatch, reduced to what the routes use: sync throws reach `next`, returned promises are dropped. */
const EXPRESS_4_STAND_IN = `'use strict';
const http = require('node:http');

module.exports = function express() {
  const layers = [];
  const app = (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    req.query = Object.fromEntries(url.searchParams);
    res.type = () => res;
    res.status = (code) => ((res.statusCode = code), res);
    res.send = (body) => res.end(String(body));
    res.json = (body) => (res.setHeader('content-type', 'application/json'), res.end(JSON.stringify(body)));
    let index = 0;
    const next = (error) => {
      while (index < layers.length) {
        const layer = layers[index++];
        if (layer.path !== undefined && layer.path !== url.pathname) continue;
        const isErrorHandler = layer.handle.length === 4;
        if ((error !== undefined) !== isErrorHandler) continue;
        try {
          // Like Express 4's Layer#handle_request, whatever the handler returns is ignored. (A
          // rejected promise then goes unhandled and crashes the process; here it is dropped,
          // so that the test process survives to see the request go unanswered.)
          const returned = isErrorHandler ? layer.handle(error, req, res, next) : layer.handle(req, res, next);
          if (returned && typeof returned.catch === 'function') returned.catch(() => {});
        } catch (thrown) {
          next(thrown);
        }
        return;
      }
      res.statusCode = error ? 500 : 404;
      res.end(error ? 'unhandled' : 'not found');
    };
    next();
  };
  app.get = (path, handle) => layers.push({ path, handle });
  app.use = (handle) => layers.push({ handle });
  app.listen = (port, host, ready) => http.createServer(app).listen(port, host, ready);
  return app;
};
`;

interface RoutesModule {
  createApp: (directory: string) => { listen(port: number, host: string, ready: () => void): Server };
}

const root = mkdtempSync(path.join(tmpdir(), 'unblock-async-api-express-'));
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(root, { recursive: true, force: true });
});

/** A project folder whose package.json names `express` at `range`, with `express` installed as given. */
function project(name: string, range: string, install: (modules: string) => void): string {
  const directory = path.join(root, name);
  mkdirSync(path.join(directory, 'node_modules'), { recursive: true });
  mkdirSync(path.join(directory, 'files'));
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies: { express: range } }));
  writeFileSync(path.join(directory, 'files', 'hello.txt'), 'hello');
  install(path.join(directory, 'node_modules'));
  return directory;
}

async function serve(directory: string, file: string): Promise<string> {
  const { createApp } = (await import(pathToFileURL(path.join(directory, file)).href)) as RoutesModule;
  const server = await new Promise<Server>((resolve) => {
    const listening = createApp(path.join(directory, 'files')).listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Status and body, or 'no answer' when the server never responds. */
async function get(url: string): Promise<{ status: number; body: string } | 'no answer'> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return { status: response.status, body: await response.text() };
  } catch {
    return 'no answer';
  }
}

/** Transforms ROUTES as the file `routes.js` of `directory`, and writes both versions there. */
function transformIn(directory: string): string {
  const result = asyncApi.transform(ROUTES, { filePath: path.join(directory, 'routes.js') });
  expect(result.error).toBeUndefined();
  expect(result.left).toEqual([]);
  expect(result.fixed.map((site) => site.api)).toEqual(['fs.readFileSync', 'fs.statSync']);
  writeFileSync(path.join(directory, 'before.js'), ROUTES);
  writeFileSync(path.join(directory, 'after.js'), result.output!);
  return result.output!;
}

const PATHS = ['/file?name=hello.txt', '/file?name=missing.txt', '/size?name=hello.txt', '/size?name=missing.txt'];

describe('async-api codemod on Express handlers, served', () => {
  it('Express 4: routes the async handler’s errors to next, so a missing file is still a 500', async () => {
    const directory = project('express4', '^4.21.2', (modules) => {
      mkdirSync(path.join(modules, 'express'));
      writeFileSync(path.join(modules, 'express', 'package.json'), JSON.stringify({ name: 'express', version: '4.21.2', main: 'index.js' }));
      writeFileSync(path.join(modules, 'express', 'index.js'), EXPRESS_4_STAND_IN);
    });
    const output = transformIn(directory);
    expect(output).toContain("app.get('/file', async (req, res, next) => {");
    expect(output).toContain('} catch (error) {');

    const [before, after] = [await serve(directory, 'before.js'), await serve(directory, 'after.js')];
    for (const route of PATHS) expect(await get(after + route), route).toEqual(await get(before + route));
    expect(await get(`${after}/file?name=missing.txt`)).toEqual({ status: 500, body: 'failed: ENOENT' });
    expect(await get(`${after}/file?name=hello.txt`)).toEqual({ status: 200, body: 'hello' });

    // The Express 5 rewrite (a bare async handler) under Express 4: the rejection is never seen.
    const express5 = project('express5-policy', '^5.0.0', () => undefined);
    const bare = asyncApi.transform(ROUTES, { filePath: path.join(express5, 'routes.js') }).output!;
    expect(bare).toContain("app.get('/file', async (req, res) => {");
    writeFileSync(path.join(directory, 'bare.js'), bare);
    expect(await get(`${await serve(directory, 'bare.js')}/file?name=missing.txt`)).toBe('no answer');
  });

  it('Express 5: an async handler’s rejection reaches the error handler, so a missing file is still a 500', async () => {
    const directory = project('express5', '^5.1.0', (modules) => {
      symlinkSync(path.join(repoRoot, 'node_modules', 'express'), path.join(modules, 'express'), 'junction');
    });
    const output = transformIn(directory);
    expect(output).toContain("app.get('/file', async (req, res) => {");
    expect(output).not.toContain('catch');

    const [before, after] = [await serve(directory, 'before.js'), await serve(directory, 'after.js')];
    for (const route of PATHS) expect(await get(after + route), route).toEqual(await get(before + route));
    expect(await get(`${after}/size?name=missing.txt`)).toEqual({ status: 500, body: 'failed: ENOENT' });
    expect(await get(`${after}/size?name=hello.txt`)).toEqual({ status: 200, body: '{"size":5}' });
  });
});
