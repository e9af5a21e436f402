// One feature area of a generated ESM service: nine files in routes/, services/, lib/, models/ and
// utils/, the way an Express service is usually laid out. The route module's async handlers call
// the services, the services call the lib helpers and the models, the models import a CommonJS
// schema (ESM importing CommonJS, as mixed codebases do).
//
// An area may carry one planted blocking call (`plant`), of one of these kinds:
//   chain-route    lib helper blocks; a sync service calls it; an async route handler calls that
//                  (reported at the handler's call, naming the helper's line)
//   chain-service  lib helper blocks; an async service function calls it (reported in the service)
//   handler        the blocking call is in an async route handler itself
//   async-service  the blocking call is in an async service function that a handler awaits
//   same-file      a function of the route module blocks, and a sync handler calls it
// and may carry a start-up helper that blocks harmlessly (`startup`): it reads files, but only
// src/startup.js calls it, at module top level, before the server listens.
import { BLOCKING_APIS, callNeedle } from './blocking-apis.mjs';
import { fillerLines } from './filler.mjs';

export const PLANT_KINDS = ['chain-route', 'chain-service', 'handler', 'async-service', 'same-file'];
export const AREA_FILES = 9;

const WORDS = ['orders', 'users', 'invoices', 'carts', 'products', 'reviews', 'payments', 'shipments', 'coupons', 'sessions', 'reports', 'tenants'];

/** The area's name and directory (relative, POSIX) for its index. */
export function areaName(index) {
  const word = WORDS[index % WORDS.length];
  return { word: `${word}${index}`, Word: `${word[0].toUpperCase()}${word.slice(1)}${index}`, dir: `src/modules/${WORDS[(index >> 3) % WORDS.length]}/${word}${index}` };
}

/**
 * Writes the area through `write(relative, lines)`; returns its manifest entries
 * (`{ file, line, api, kind, expected }`). `plant`: `{ kind, api }` or undefined; `startup`: an
 * api name or undefined.
 */
export function writeArea({ write, random, index, plant, startup }) {
  const { word, Word, dir } = areaName(index);
  const sites = [];
  const style = () => (random.chance(0.5) ? 'whole' : 'named');
  const apiOf = (name) => BLOCKING_APIS.find((entry) => entry.api === name);
  /** Records the line of `api`'s call in `lines` (1-based) for the manifest. */
  const record = (file, lines, api, kind, expected) => {
    const line = lines.findIndex((text) => text.includes(callNeedle(api))) + 1;
    if (line === 0) throw new Error(`generator: no ${api} call in ${file}`);
    sites.push({ file, line, api, kind, expected });
  };
  const fill = (prefix, exported = false) => fillerLines(random, `${prefix}${index}_`, 1 + random.int(4), { exported });

  // lib/<word>.store.js: load (sync, maybe blocking: chain-route) and hash (sync, maybe blocking:
  // chain-service). The harmless versions use the async API or a cache, the lookalikes of a fix.
  {
    const file = `${dir}/lib/${word}.store.js`;
    const loadApi = plant?.kind === 'chain-route' ? apiOf(plant.api) : undefined;
    const hashApi = plant?.kind === 'chain-service' ? apiOf(plant.api) : undefined;
    const loadStyle = style();
    const hashStyle = style();
    const lines = [
      "import { readFile } from 'node:fs/promises';",
      "import path from 'node:path';",
      ...(loadApi ? [loadApi.imports[loadStyle]] : []),
      ...(hashApi && hashApi !== loadApi ? [hashApi.imports[hashStyle]] : []),
      '',
      `const DATA_DIR = path.join(process.cwd(), 'data', '${word}');`,
      'const cache = new Map();',
      '',
      `export function load${Word}(id) {`,
      "  const key = String(id);",
      ...(loadApi ? [`  const text = ${loadApi.call[loadStyle]('path.join(DATA_DIR, `${key}.json`)')};`, '  cache.set(key, text);', '  return { id: key, text };'] : ["  return cache.get(key) ?? { id: key, text: '{}' };"]),
      '}',
      '',
      `export function hash${Word}(input) {`,
      ...(hashApi ? [`  return ${hashApi.call[hashApi === loadApi ? loadStyle : hashStyle]('input.name')};`] : ['  return JSON.stringify(input).length.toString(16);']),
      '}',
      '',
      `export async function refresh${Word}(id) {`,
      "  const text = await readFile(path.join(DATA_DIR, `${id}.json`), 'utf8');",
      '  cache.set(String(id), text);',
      '  return text;',
      '}',
      ...fill('store', true),
      '',
    ];
    if (loadApi) record(file, lines, loadApi.api, 'chain-route', true);
    if (hashApi) record(file, lines, hashApi.api, 'chain-service', true);
    write(file, lines);
  }

  // lib/<word>.cache.js: the warm-up that start-up code runs, blocking harmlessly when `startup`.
  {
    const file = `${dir}/lib/${word}.cache.js`;
    const api = startup ? apiOf(startup) : undefined;
    const how = style();
    const lines = [
      ...(api ? [api.imports[how]] : []),
      '',
      'const warm = new Map();',
      '',
      `export function warm${Word}Cache(names = ['default']) {`,
      '  for (const name of names) {',
      api ? `    warm.set(name, ${api.call[how]('name')});` : '    warm.set(name, { name, at: Date.now() });',
      '  }',
      '  return warm.size;',
      '}',
      '',
      `export function cached${Word}(name) {`,
      '  return warm.get(name);',
      '}',
      ...fill('cache', true),
      '',
    ];
    if (api) record(file, lines, api.api, 'startup', false);
    write(file, lines);
  }

  write(`${dir}/models/${word}.schema.cjs`, [
    "'use strict';",
    '// CommonJS, imported by the ESM model next to it.',
    'module.exports = {',
    `  name: '${word}',`,
    "  fields: ['id', 'name', 'createdAt', 'updatedAt', 'status'],",
    "  required: ['id'],",
    '};',
    '',
  ]);
  write(`${dir}/models/${word}.model.js`, [
    `import schema from './${word}.schema.cjs';`,
    '',
    `export class ${Word}Model {`,
    '  constructor(fields = {}) {',
    '    this.fields = fields;',
    '  }',
    '',
    '  validate() {',
    '    return schema.required.every((field) => this.fields[field] !== undefined);',
    '  }',
    '',
    '  toJSON() {',
    '    return Object.fromEntries(schema.fields.filter((field) => field in this.fields).map((field) => [field, this.fields[field]]));',
    '  }',
    '}',
    ...fill('model'),
    '',
  ]);
  write(`${dir}/utils/${word}.validate.js`, [
    'export function validateId(value) {',
    '  const id = Number.parseInt(String(value), 10);',
    "  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`bad id: ${value}`);",
    '  return id;',
    '}',
    ...fill('validate', true),
    '',
  ]);
  write(`${dir}/utils/${word}.format.js`, [
    'export function normalize(raw) {',
    "  return typeof raw === 'object' && raw !== null ? { ...raw } : { value: raw };",
    '}',
    ...fill('format', true),
    '',
  ]);

  // services/<word>.service.js: get (sync, calls load), create (async, calls hash), archive (async, maybe blocking itself).
  {
    const file = `${dir}/services/${word}.service.js`;
    const api = plant?.kind === 'async-service' ? apiOf(plant.api) : undefined;
    const how = style();
    const lines = [
      `import { load${Word}, hash${Word}, refresh${Word} } from '../lib/${word}.store.js';`,
      `import { ${Word}Model } from '../models/${word}.model.js';`,
      `import { normalize } from '../utils/${word}.format.js';`,
      ...(api ? [api.imports[how]] : []),
      '',
      `export function get${Word}(id) {`,
      `  const raw = load${Word}(id);`,
      `  return new ${Word}Model(normalize(raw)).toJSON();`,
      '}',
      '',
      `export async function create${Word}(input) {`,
      `  const digest = hash${Word}(input);`,
      `  await refresh${Word}(input.id ?? 0);`,
      `  return new ${Word}Model({ ...input, digest }).toJSON();`,
      '}',
      '',
      `export async function archive${Word}(id) {`,
      `  const record = get${Word}(id);`,
      ...(api ? [`  const archived = ${api.call[how]('record.id')};`, '  return { ...record, archived };'] : ['  return { ...record, archived: true };']),
      '}',
      ...fill('service', true),
      '',
    ];
    if (api) record(file, lines, api.api, 'async-service', true);
    write(file, lines);
  }
  write(`${dir}/services/${word}.queries.js`, [
    `import { ${Word}Model } from '../models/${word}.model.js';`,
    '',
    `export function describe${Word}(id) {`,
    `  const model = new ${Word}Model({ id, status: 'active' });`,
    "  return { valid: model.validate(), summary: model.toJSON() };",
    '}',
    ...fill('queries', true),
    '',
  ]);

  // routes/<word>.routes.js: the handlers.
  {
    const file = `${dir}/routes/${word}.routes.js`;
    const api = plant && (plant.kind === 'handler' || plant.kind === 'same-file') ? apiOf(plant.api) : undefined;
    const how = style();
    const lines = [
      "import { Router } from 'express';",
      `import * as service from '../services/${word}.service.js';`,
      `import { describe${Word} } from '../services/${word}.queries.js';`,
      `import { validateId } from '../utils/${word}.validate.js';`,
      ...(api ? [api.imports[how]] : []),
      '',
      'export const router = Router();',
      '',
      `router.get('/${word}/:id', async (req, res) => {`,
      '  const id = validateId(req.params.id);',
      `  res.json(service.get${Word}(id));`,
      '});',
      '',
      `router.post('/${word}', async (req, res) => {`,
      `  const record = await service.create${Word}(req.body);`,
      '  res.status(201).json(record);',
      '});',
      '',
      `router.post('/${word}/:id/archive', async (req, res) => {`,
      `  res.json(await service.archive${Word}(validateId(req.params.id)));`,
      '});',
      '',
      `router.get('/${word}/:id/summary', (req, res) => {`,
      `  res.json(describe${Word}(req.params.id));`,
      '});',
      ...(plant?.kind === 'handler'
        ? ['', `router.get('/${word}/:id/export', async (req, res) => {`, `  const body = ${api.call[how]('req.params.id')};`, '  res.send(body);', '});']
        : []),
      ...(plant?.kind === 'same-file'
        ? ['', 'function fixture(name) {', `  return ${api.call[how]('name')};`, '}', '', `router.get('/${word}/fixtures/:name', (req, res) => {`, '  res.send(fixture(req.params.name));', '});']
        : []),
      ...fill('routes'),
      '',
    ];
    if (api) record(file, lines, api.api, plant.kind, true);
    write(file, lines);
  }
  return sites;
}
