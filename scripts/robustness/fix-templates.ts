// Generated service code for the `unblock fix` robustness runs: thousands of files shaped like
// real handlers and helpers (Express 4 routers, Koa and Fastify routes, async jobs, TypeScript
// services), nearly all with blocking calls the codemods rewrite, plus a few they must leave
// alone (nothing to fix, does not parse). Deterministic: the same count and seed give the same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedFile {
  /** Relative to the project root, with forward slashes. */
  readonly file: string;
  readonly text: string;
  /** What the template is for: a rewrite is expected unless it is `clean` or `broken`. */
  readonly kind: TemplateKind | 'caller-pair';
}

export type TemplateKind =
  | 'express4-cjs'
  | 'koa-esm'
  | 'fastify-esm'
  | 'jobs-esm'
  | 'crypto-cjs'
  | 'exec-esm'
  | 'spin-esm'
  | 'service-ts'
  | 'tools-ts'
  | 'crlf-bom-esm'
  | 'clean'
  | 'broken';

type Template = (index: number) => { readonly file: string; readonly text: string };

const TEMPLATES: Record<TemplateKind, Template> = {
  'express4-cjs': (i) => ({
    file: `src/routes/items-${i}.js`,
    text: `'use strict';
const express = require('express');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const router = express.Router();
const DATA_DIR = path.join(__dirname, '..', '..', 'data');

router.get('/items/${i}/:id', (req, res) => {
  const file = path.join(DATA_DIR, \`item-\${Number(req.params.id)}.json\`);
  if (!fs.existsSync(file)) return res.status(404).json({ error: 'no such item' });
  const item = JSON.parse(fs.readFileSync(file, 'utf8'));
  const size = fs.statSync(file).size;
  res.json({ ...item, size });
});

router.get('/items/${i}/:id/archive', (req, res) => {
  const body = fs.readFileSync(path.join(DATA_DIR, 'archive-${i}.json'));
  res.set('content-encoding', 'gzip').send(zlib.gzipSync(body));
});

module.exports = router;
`,
  }),
  'koa-esm': (i) => ({
    file: `src/koa/report-${i}.mjs`,
    text: `import Router from '@koa/router';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const router = new Router();

router.get('/reports/${i}', async (ctx) => {
  const names = readdirSync('reports').filter((name) => name.endsWith('.json'));
  ctx.body = names.map((name) => JSON.parse(readFileSync(join('reports', name), 'utf8')));
});

router.post('/reports/${i}', async (ctx) => {
  writeFileSync(join('reports', \`r-${i}-\${Date.now()}.json\`), JSON.stringify(ctx.request.body));
  ctx.status = 201;
});
`,
  }),
  'fastify-esm': (i) => ({
    file: `src/fastify/plugin-${i}.mjs`,
    text: `import fs from 'node:fs';
import zlib from 'node:zlib';

export default async function plugin${i}(fastify) {
  fastify.get('/assets/${i}', async (request, reply) => {
    const raw = fs.readFileSync(\`public/asset-${i}.css\`);
    reply.header('content-encoding', 'br');
    return zlib.brotliCompressSync(raw);
  });

  fastify.get('/assets/${i}/meta', async () => {
    const info = fs.statSync(\`public/asset-${i}.css\`);
    return { bytes: info.size, modified: info.mtimeMs };
  });
}
`,
  }),
  'jobs-esm': (i) => ({
    file: `src/jobs/cleanup-${i}.mjs`,
    text: `import * as fs from 'node:fs';
import path from 'node:path';

const ROOT = '/var/tmp/jobs-${i}';

export async function cleanup${i}(maxAgeMs) {
  if (!fs.existsSync(ROOT)) fs.mkdirSync(ROOT, { recursive: true });
  const removed = [];
  for (const name of fs.readdirSync(ROOT)) {
    const file = path.join(ROOT, name);
    if (Date.now() - fs.statSync(file).mtimeMs > maxAgeMs) {
      fs.unlinkSync(file);
      removed.push(name);
    }
  }
  fs.appendFileSync(path.join(ROOT, 'cleanup.log'), \`\${removed.length} removed\\n\`);
  return removed;
}
`,
  }),
  'crypto-cjs': (i) => ({
    file: `src/auth/passwords-${i}.cjs`,
    text: `const crypto = require('node:crypto');

const ITERATIONS = ${100_000 + i};

async function hashPassword${i}(password, salt = crypto.randomBytes(16)) {
  const key = crypto.pbkdf2Sync(password, salt, ITERATIONS, 64, 'sha512');
  return \`\${salt.toString('hex')}:\${key.toString('hex')}\`;
}

async function deriveToken${i}(secret) {
  return crypto.scryptSync(secret, 'token-salt-${i}', 32).toString('base64url');
}

module.exports = { hashPassword${i}, deriveToken${i} };
`,
  }),
  'exec-esm': (i) => ({
    file: `src/ops/git-${i}.mjs`,
    text: `import { execSync, execFileSync } from 'node:child_process';

export async function revision${i}() {
  return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
}

export async function status${i}(cwd) {
  const out = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' });
  return out.split('\\n').filter(Boolean).length;
}
`,
  }),
  'spin-esm': (i) => ({
    file: `src/retry/retry-${i}.mjs`,
    text: `export async function retry${i}(task, attempts = 3) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt === attempts - 1) throw error;
      const until = Date.now() + 2 ** attempt * ${10 + (i % 90)};
      while (Date.now() < until) {}
    }
  }
}
`,
  }),
  'service-ts': (i) => ({
    file: `src/services/users-${i}.ts`,
    text: `import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface User${i} {
  readonly id: number;
  readonly name: string;
}

const FILE = 'data/users-${i}.json';

export async function loadUsers${i}(): Promise<User${i}[]> {
  if (!existsSync(FILE)) return [];
  const text: string = readFileSync(FILE, 'utf8');
  return JSON.parse(text) as User${i}[];
}

export async function saveUsers${i}(users: readonly User${i}[]): Promise<number> {
  writeFileSync(FILE, JSON.stringify(users));
  const bytes: Buffer = gzipSync(readFileSync(FILE));
  return statSync(FILE).size + bytes.length;
}
`,
  }),
  'tools-ts': (i) => ({
    file: `src/ops/build-${i}.ts`,
    text: `import { execFileSync, execSync } from 'node:child_process';
import { createHash, pbkdf2Sync } from 'node:crypto';
import * as zlib from 'node:zlib';

export async function commit${i}(cwd: string): Promise<string> {
  const head: string = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
  const raw: Buffer = execSync('git log -1 --format=%B', { cwd });
  return \`\${head} \${raw.toString('utf8').length}\`;
}

export async function fingerprint${i}(secret: string, data: Buffer): Promise<string> {
  const key = pbkdf2Sync(secret, 'salt-${i}', 1000, 32, 'sha256');
  const packed = zlib.deflateSync(data);
  return createHash('sha256').update(key).update(packed).digest('hex');
}

export async function settle${i}(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}
`,
  }),
  'crlf-bom-esm': (i) => ({
    file: `src/legacy/config-${i}.mjs`,
    text: `\uFEFFimport fs from 'node:fs';\r\n\r\nexport async function loadConfig${i}() {\r\n  return JSON.parse(fs.readFileSync('config-${i}.json', 'utf8'));\r\n}\r\n`,
  }),
  clean: (i) => ({
    file: `src/lib/format-${i}.mjs`,
    text: `import { readFile } from 'node:fs/promises';

export async function format${i}(file) {
  const text = await readFile(file, 'utf8');
  return text.trim().split('\\n').map((line, n) => \`\${n + 1}: \${line}\`).join('\\n');
}
`,
  }),
  broken: (i) => ({
    file: `src/broken/half-edited-${i}.js`,
    text: `const fs = require('fs');\n\nasync function load${i}() {\n  const x = ;\n  return fs.readFileSync('a');\n}\n`,
  }),
};

/** How often each kind comes up: mostly files with something to rewrite. */
const MIX: readonly TemplateKind[] = [
  'express4-cjs',
  'koa-esm',
  'fastify-esm',
  'jobs-esm',
  'crypto-cjs',
  'exec-esm',
  'spin-esm',
  'service-ts',
  'crlf-bom-esm',
  'express4-cjs',
  'jobs-esm',
  'service-ts',
  'koa-esm',
  'fastify-esm',
  'clean',
  'express4-cjs',
  'jobs-esm',
  'crypto-cjs',
  'service-ts',
  'tools-ts',
  'clean',
  'broken',
];

export const TEMPLATE_KINDS = Object.keys(TEMPLATES) as TemplateKind[];

/** A small xorshift generator: reproducible padding without Math.random. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/**
 * Sync helpers and a lookup table appended to a file, so that files range from about 1 kB to
 * `maxPaddingLines` lines and a write is more than one disk block. The helpers are sync code
 * outside async functions and handlers: the codemods must leave them alone.
 */
function padding(index: number, lines: number, flavour: 'esm' | 'cjs' | 'ts', crlf: boolean): string {
  const out: string[] = ['', `// Lookup table ${index}: sync code the codemods leave alone.`];
  out.push(`const TABLE_${index} = [`);
  for (let line = 0; line < lines; line++) out.push(`  { key: 'k${index}-${line}', value: ${(index * 7919 + line * 104729) % 1_000_003}, label: 'entry ${line} of ${lines}' },`);
  const signature = flavour === 'ts' ? `(key: string): number | undefined` : '(key)';
  out.push('];', `${flavour === 'cjs' ? '' : 'export '}function lookup${index}${signature} {`, `  return TABLE_${index}.find((entry) => entry.key === key)?.value;`, '}', '');
  return out.join(crlf ? '\r\n' : '\n');
}

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  /** Upper bound on padding lines per file; 0 for none. */
  readonly maxPaddingLines?: number;
  /** Cycle through these kinds instead of the default mix. */
  readonly kinds?: readonly TemplateKind[];
  /** Also this many helper/route pairs for the whole-program codemod (see callerPairs). */
  readonly pairs?: number;
}

export function generateFiles(options: GenerateOptions): GeneratedFile[] {
  const next = random(options.seed ?? 1);
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : MIX;
  const files: GeneratedFile[] = [];
  for (let index = 0; index < options.count; index++) {
    const kind = kinds[index % kinds.length]!;
    const { file, text } = TEMPLATES[kind](index);
    const lines = Math.floor(next() * ((options.maxPaddingLines ?? 0) + 1));
    // A broken file stays short: its point is to be left byte for byte.
    const flavour = kind.endsWith('-cjs') ? 'cjs' : kind.endsWith('-ts') ? 'ts' : 'esm';
    const padded = lines > 0 && kind !== 'broken' ? text + padding(index, lines, flavour, kind === 'crlf-bom-esm') : text;
    files.push({ file, text: padded, kind });
  }
  return [...files, ...callerPairs(options.pairs ?? 0)];
}

/** The package.json of the generated service: Express 4, so handlers get try/catch → next(error). */
export const PACKAGE_JSON = `${JSON.stringify(
  {
    name: 'generated-service',
    version: '1.0.0',
    private: true,
    dependencies: { express: '^4.21.0', '@koa/router': '^13.0.0', koa: '^2.15.0', fastify: '^5.0.0' },
  },
  null,
  2,
)}\n`;

/** Writes the generated files (and package.json) under `root`; returns them. */
export function writeGeneratedProject(root: string, options: GenerateOptions): GeneratedFile[] {
  const files = generateFiles(options);
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'package.json'), PACKAGE_JSON);
  for (const { file, text } of files) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return files;
}

/** The [helper, route] files of each pair callerPairs(count) writes. */
export function pairFiles(count: number): Array<[string, string]> {
  return Array.from({ length: count }, (_, index) => [`src/lib/template-${index}.mjs`, `src/routes/page-${index}.mjs`]);
}

/**
 * Pairs of modules for the whole-program codemod (sync-callers): a sync helper that reads a file,
 * and an async route that uses its result. A complete run makes the helper async and awaits it in
 * the route. `src/lib/` sorts before `src/routes/`, yet the routes must be written first
 * (codemods/sync-callers/write-order.ts): a kill between the two must not leave a route un-awaited.
 */
export function callerPairs(count: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let index = 0; index < count; index++) {
    files.push({
      file: `src/lib/template-${index}.mjs`,
      kind: 'caller-pair',
      text: `import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, 'views');

export function loadTemplate${index}(name) {
  return fs.readFileSync(path.join(root, \`\${name}.html\`), 'utf8');
}
`,
    });
    files.push({
      file: `src/routes/page-${index}.mjs`,
      kind: 'caller-pair',
      text: `import { loadTemplate${index} } from '../lib/template-${index}.mjs';

export async function renderPage${index}(user) {
  const template = loadTemplate${index}('page-${index}');
  return template.replace('{{user}}', user);
}
`,
    });
  }
  return files;
}
