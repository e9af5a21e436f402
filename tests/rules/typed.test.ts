// configs['recommended-type-checked']: blocking methods found through types,
// on receivers that come from other modules, and the error when types are missing.

import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import noBlockingInAsync from '../../rules/no-blocking-in-async.js';
import noTransitiveBlocking from '../../rules/no-transitive-blocking.js';
import './rule-tester.js';

const fixtureDir = path.join(import.meta.dirname, 'fixtures', 'typed');

const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: true, tsconfigRootDir: fixtureDir },
  },
});

const typeAware = [{ typeAware: true }] as const;
const offload = 'run the query in a worker with `workerModule` from @unblock/runtime, or use an async driver';

typedTester.run('no-blocking-in-async (typed)', noBlockingInAsync, {
  valid: [
    // Without typeAware, a receiver from another module is not known.
    `import { findUser } from './db.js';
export async function user(id: number) {
  return findUser.get(id);
}`,
    // An in-memory *Sync method on a type that does no I/O.
    {
      code: `import { MemoryCache } from './db.js';
const cache = new MemoryCache();
export async function lookup(key: string) {
  return cache.getSync(key);
}`,
      options: typeAware,
    },
    // A `get` on a Map is not a Statement's.
    {
      code: `const users = new Map<number, string>();
export async function user(id: number) {
  return users.get(id);
}`,
      options: typeAware,
    },
  ],
  invalid: [
    {
      code: `import { findUser } from './db.js';
export async function user(id: number) {
  return findUser.get(id);
}`,
      options: typeAware,
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'Statement.get', context: 'async function `user`', fix: offload } }],
    },
    {
      // A Database handed in as a parameter; `await` on a non-thenable result still blocks.
      code: `import type { Database } from 'better-sqlite3';
export async function names(db: Database) {
  const rows = await db.prepare('select name from users').all();
  db.exec('vacuum');
  return rows;
}`,
      options: typeAware,
      errors: [
        { messageId: 'blockingCall', line: 3, column: 22, data: { api: 'Statement.all', context: 'async function `names`', fix: offload } },
        { messageId: 'blockingCall', line: 4, column: 3, data: { api: 'Database.exec', context: 'async function `names`', fix: offload } },
      ],
    },
    {
      // A user type from settings.unblock.blockingApis, by typescript-eslint's TypeOrValueSpecifier.
      code: `import { LegacyClient } from './db.js';
export async function report(client: LegacyClient) {
  return client.querySync('select 1');
}`,
      options: typeAware,
      settings: { unblock: { blockingApis: [{ type: { from: 'file', name: 'LegacyClient', path: 'db.ts' }, methods: ['querySync'], replacement: 'use `client.query`' }] } },
      errors: [{ messageId: 'blockingCall', line: 3, column: 10, data: { api: 'LegacyClient.querySync', context: 'async function `report`', fix: 'use `client.query`' } }],
    },
  ],
});

typedTester.run('no-transitive-blocking (typed)', noTransitiveBlocking, {
  valid: [
    // A helper whose blocking call fills a cache once.
    {
      code: `import { config } from './templates.js';
export async function settings() {
  return config();
}`,
      options: typeAware,
    },
    // An async helper's own calls are no-blocking-in-async's to report, in its own file.
    {
      code: `import { readAsync } from './templates.js';
export async function page() {
  return readAsync('x');
}`,
      options: typeAware,
    },
    // Through a workerModule proxy, as \`unblock fix\` writes it, the helper runs in a worker.
    {
      code: `import { workerModule } from '@unblock/runtime';
const templatesWorker = workerModule<typeof import('./templates.js')>(new URL('./templates.js', import.meta.url));
export async function page(name: string) {
  const html = await templatesWorker.loadTemplate(name);
  return [html, await templatesWorker.compress(html)];
}`,
      options: typeAware,
    },
    // A function destructured from the proxy, or called on it at once; the runtime as a namespace.
    {
      code: `import * as runtime from '@unblock/runtime';
const { render, loadTemplate: load } = runtime.workerModule<typeof import('./templates.js')>(new URL('./templates.js', import.meta.url));
export async function page(name: string) {
  return [await render(name), await load(name), await runtime.workerModule<typeof import('./templates.js')>(new URL('./templates.js', import.meta.url)).compress(name)];
}`,
      options: typeAware,
    },
  ],
  invalid: [
    // A database handed to a helper in another module: the receiver's type says it blocks.
    {
      code: `import { db } from './db.js';
import { countUsers } from './queries.js';
export async function users() {
  return countUsers(db);
}`,
      options: typeAware,
      errors: [{ messageId: 'transitiveCall', line: 4, column: 10, data: { callee: 'countUsers', context: 'async function `users`', chain: 'countUsers → Statement.get', line: '5 of queries.ts', fix: offload } }],
    },
    {
      // A workerModule of its own, not the runtime's, runs the helper right here.
      code: `import * as templates from './templates.js';
function workerModule<M>(module: M): M {
  return module;
}
const templatesWorker = workerModule<typeof import('./templates.js')>(templates);
export async function page(name: string) {
  return templatesWorker.loadTemplate(name);
}`,
      options: typeAware,
      errors: [
        { messageId: 'transitiveCall', line: 7, column: 10, data: { callee: 'templatesWorker.loadTemplate', context: 'async function `page`', chain: 'templatesWorker.loadTemplate → fs.readFileSync', line: '6 of templates.ts', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    {
      code: `import { loadTemplate, compress } from './templates.js';
import { renderPage } from './index.js';
export async function page() {
  const html = loadTemplate('home');
  return [compress(html), renderPage('about')];
}`,
      options: typeAware,
      errors: [
        { messageId: 'transitiveCall', line: 4, column: 16, data: { callee: 'loadTemplate', context: 'async function `page`', chain: 'loadTemplate → fs.readFileSync', line: '6 of templates.ts', fix: 'use `fs.promises.readFile`' } },
        { messageId: 'transitiveCall', line: 5, column: 11, data: { callee: 'compress', context: 'async function `page`', chain: 'compress → zlib.gzipSync', line: '9 of templates.ts', fix: 'use `util.promisify(zlib.gzip)`' } },
        { messageId: 'transitiveCall', line: 5, column: 27, data: { callee: 'renderPage', context: 'async function `page`', chain: 'renderPage → loadTemplate → fs.readFileSync', line: '6 of templates.ts', fix: 'use `fs.promises.readFile`' } },
      ],
    },
    {
      code: `import { findUser } from './db.js';
function userName(id: number) {
  return findUser.get(id)?.name;
}
export async function greet(id: number) {
  return \`hello \${userName(id)}\`;
}`,
      options: typeAware,
      errors: [{ messageId: 'transitiveCall', line: 6, column: 19, data: { callee: 'userName', context: 'async function `greet`', chain: 'userName → Statement.get', line: '3', fix: offload } }],
    },
  ],
});

describe("configs['recommended-type-checked']", () => {
  it('turns on typed detection in the blocking rules', () => {
    const rules = plugin.configs['recommended-type-checked'].rules ?? {};
    expect(rules['unblock/no-blocking-in-async']).toEqual(['error', { typeAware: true }]);
    expect(rules['unblock/no-transitive-blocking']).toEqual(['error', { typeAware: true }]);
    expect(rules['unblock/no-busy-wait']).toBe('error');
  });

  it('throws an error naming the rule when type information is missing', () => {
    const linter = new Linter({ configType: 'flat', cwd: fixtureDir });
    const lint = (): unknown =>
      linter.verify(
        'export async function f() { return 1; }',
        [
          { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
          { files: ['**/*.ts'], ...plugin.configs['recommended-type-checked'] },
        ],
        path.join(fixtureDir, 'file.ts'),
      );
    expect(lint).toThrow(/unblock\/no-blocking-in-async: the type-aware configuration .* needs type information/);
  });
});
