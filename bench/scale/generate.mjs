#!/usr/bin/env node
// Generates a service tree of N JavaScript files, the same for the same size and seed, for
// measuring `unblock scan` and `unblock fix` at scale (bench/scale/run.mjs) and for checking that
// what they report is exactly what was planted (tests/bench/scale.test.ts).
//
// The tree: an ESM Express service (src/server.js, one router index per module group, feature
// areas of nine files each: see area.mjs), a CommonJS part under src/legacy/ with its own
// package.json (bench/lint/generated-service.mjs, a fifth of the files), start-up code and a
// script that block harmlessly, and shared utilities to make up the count. About 1% of the
// files hold a blocking call reached from a request handler, several of them through a chain of
// helpers across modules. planted.json, next to src/, lists every blocking call written:
// `{ file, line, api, kind, expected }`, `expected` false for the start-up ones. The tree is not a
// git repository: the bench runs `fix --dry`, which writes nothing and so checks no work tree.
//
//   node bench/scale/generate.mjs --files 2000 [--seed 1] --out /tmp/tree
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { writeGeneratedService } from '../lint/generated-service.mjs';
import { AREA_FILES, PLANT_KINDS, areaName, writeArea } from './area.mjs';
import { BLOCKING_APIS, callNeedle } from './blocking-apis.mjs';
import { fillerLines } from './filler.mjs';
import { sample, seeded } from './random.mjs';

/** The share of files in the CommonJS part. */
const LEGACY_SHARE = 0.2;
/** Files that hold a blocking call a handler reaches, as a share of all files. */
const PLANTED_SHARE = 0.01;

/**
 * Writes a tree of `files` JavaScript files under `root` (created; should be empty).
 * Returns `{ files, sites }`: the number of JavaScript files and the planted blocking calls.
 */
export function generateTree(root, { files, seed = 1 }) {
  if (!Number.isInteger(files) || files < 200) throw new RangeError(`generator: at least 200 files, got ${files}`);
  const random = seeded(seed);
  let written = 0;
  const write = (relative, lines) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Array.isArray(lines) ? lines.join('\n') : lines);
    if (/\.[cm]?js$/.test(relative)) written++;
  };
  const sites = [];

  write('package.json', `${JSON.stringify({ name: 'scale-service', private: true, type: 'module', dependencies: { express: '^4.21.0' } }, null, 2)}\n`);

  // The CommonJS part: the lint bench's generated service, whose 1% of helpers block behind routes.
  const legacySites = [];
  const legacy = writeGeneratedService(path.join(root, 'src/legacy'), Math.floor((files * LEGACY_SHARE) / 4) * 4, legacySites);
  written += legacy.length;
  for (const site of legacySites) sites.push({ ...site, file: `src/legacy/${site.file}`, kind: 'chain-route-cjs', expected: true });

  // Server, config, start-up and script (4 files) and one router index per group (at most 12).
  const areas = Math.floor((files - written - 4 - 12) / AREA_FILES);
  const planted = Math.max(PLANT_KINDS.length, Math.round(files * PLANTED_SHARE) - legacySites.length);
  const plants = new Map(sample(random, areas, planted).map((area, i) => [area, { kind: PLANT_KINDS[i % PLANT_KINDS.length], api: BLOCKING_APIS[(i + Math.floor(i / PLANT_KINDS.length)) % BLOCKING_APIS.length].api }]));
  const startups = new Map(sample(random, areas, Math.max(2, Math.round(files / 500))).map((area, i) => [area, BLOCKING_APIS[i % 2].api]));
  const groups = new Map();
  for (let index = 0; index < areas; index++) {
    sites.push(...writeArea({ write, random, index, plant: plants.get(index), startup: startups.get(index) }));
    const { dir } = areaName(index);
    const group = path.posix.dirname(dir);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(index);
  }
  for (const [group, members] of groups) {
    write(`${group}/index.js`, [
      ...members.map((index) => `import { router as r${index} } from './${path.posix.basename(areaName(index).dir)}/routes/${areaName(index).word}.routes.js';`),
      '',
      `export const routers = [${members.map((index) => `r${index}`).join(', ')}];`,
      '',
    ]);
  }

  const server = [
    "import express from 'express';",
    "import { readFileSync } from 'node:fs';",
    "import { execSync } from 'node:child_process';",
    "import './startup.js';",
    "import config from './config/index.js';",
    ...[...groups.keys()].map((group, i) => `import { routers as group${i} } from './${path.posix.relative('src', group)}/index.js';`),
    '',
    '// Start-up: read once, before the server listens.',
    "const tls = { cert: readFileSync(config.certPath, 'utf8') };",
    "const version = execSync('git rev-parse HEAD').toString().trim();",
    '',
    'const app = express();',
    'app.use(express.json());',
    `for (const router of [${[...groups.keys()].map((_, i) => `...group${i}`).join(', ')}]) app.use(router);`,
    "app.get('/health', (req, res) => res.json({ ok: true, version }));",
    'app.listen(config.port, () => console.log(`listening on ${config.port}, tls ${tls.cert.length > 0}`));',
    '',
  ];
  write('src/server.js', server);
  for (const api of ['fs.readFileSync', 'child_process.execSync']) sites.push(startupSite('src/server.js', server, api));

  const config = [
    "import { readFileSync } from 'node:fs';",
    '',
    "const file = new URL('../../config.json', import.meta.url);",
    "const config = { port: 3000, certPath: 'cert.pem', ...JSON.parse(readFileSync(file, 'utf8')) };",
    '',
    'export default config;',
    '',
  ];
  write('src/config/index.js', config);
  sites.push(startupSite('src/config/index.js', config, 'fs.readFileSync'));

  write('src/startup.js', [
    ...[...startups.keys()].map((index) => `import { warm${areaName(index).Word}Cache } from './${path.posix.relative('src', areaName(index).dir)}/lib/${areaName(index).word}.cache.js';`),
    '',
    '// Runs once, when server.js imports this module, before anything is served.',
    ...[...startups.keys()].map((index) => `warm${areaName(index).Word}Cache();`),
    '',
  ]);

  const script = [
    "import { execSync } from 'node:child_process';",
    '',
    '// A command-line script, run by hand: blocking is what it should do.',
    "execSync('psql -f schema.sql', { stdio: 'inherit' });",
    "console.log('database seeded');",
    '',
  ];
  write('scripts/seed-db.js', script);
  sites.push(startupSite('scripts/seed-db.js', script, 'child_process.execSync'));

  // Shared utilities up to the count: harmless, a few imported by nothing (as real trees have).
  for (let index = 0; written < files; index++) {
    write(`src/shared/utils/${['strings', 'dates', 'arrays', 'http'][index % 4]}/util${index}.js`, [...fillerLines(random, `shared${index}_`, 2 + random.int(5), { exported: true }), '']);
  }

  sites.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  writeFileSync(path.join(root, 'planted.json'), `${JSON.stringify({ files: written, seed, sites }, null, 2)}\n`);
  return { files: written, sites };
}

/** The manifest entry of a start-up blocking call of `api` in a file's `lines`. */
function startupSite(file, lines, api) {
  return { file, line: lines.findIndex((text) => text.includes(callNeedle(api))) + 1, api, kind: 'startup', expected: false };
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: node bench/scale/generate.mjs --files 2000 [--seed 1] --out <dir>');
    process.exit(2);
  }
  const { files, sites } = generateTree(path.resolve(values.out), { files: Number(values.files), seed: Number(values.seed) });
  console.log(`${files} files under ${values.out}; ${sites.filter((site) => site.expected).length} blocking calls reached from handlers, ${sites.filter((site) => !site.expected).length} at start-up; planted.json lists them`);
}
