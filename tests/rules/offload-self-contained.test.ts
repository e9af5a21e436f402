import rule from '../../rules/offload-self-contained.js';
import { createRuleTester } from './rule-tester.js';

createRuleTester().run('offload-self-contained', rule, {
  valid: [
    // `typeof input` in a parameter's type is erased before the source reaches the worker.
    `import { offload } from '@unblock/runtime';
const input = { tags: ['a'] };
export const run = () => offload((value: typeof input) => value.tags.length, input);`,
    // Parameters, locals, nested functions and standard globals are all fine.
    `import { offload } from '@unblock/runtime';
export async function hash(data: Uint8Array) {
  return offload((bytes: Uint8Array, rounds: number) => {
    const { createHash } = process.getBuiltinModule('node:crypto');
    let digest = bytes;
    const step = (input: Uint8Array) => createHash('sha256').update(input).digest();
    for (let i = 0; i < rounds; i++) digest = step(digest);
    return Buffer.from(digest).toString('hex') + JSON.stringify({ at: Date.now() });
  }, data, 3);
}`,
    // A recursive named function expression refers to itself.
    `import { offload } from '@unblock/runtime';
offload(function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }, 30);`,
    // runInExecutor takes the function second; the executor argument is outside it.
    `import { runInExecutor, ThreadPoolExecutor } from '@unblock/runtime';
const pool = new ThreadPoolExecutor({ maxWorkers: 2 });
runInExecutor(pool, (n: number) => n * 2, 21);`,
    // A local function declaration that is self-contained.
    `import { offload } from '@unblock/runtime';
function square(n: number) { return n * n; }
offload(square, 7);`,
    // Types from outside are erased before the function runs.
    `import { offload } from '@unblock/runtime';
import type { Row } from './rows';
type Totals = Record<string, number>;
offload((rows: Row[]): Totals => ({ count: rows.length }), []);`,
    // A function named offload that does not come from @unblock/runtime is someone else's.
    `import { offload } from './my-queue';
const db = {};
offload(() => db);`,
    // this inside a nested regular function is that function's own.
    `import { offload } from '@unblock/runtime';
offload(() => { const o = { n: 1, get() { return this.n; } }; return o.get(); });`,
    // allowGlobals: a worker bootstrap defines it.
    {
      code: `import { offload } from '@unblock/runtime';
offload(() => require('node:os').cpus().length);`,
      options: [{ allowGlobals: ['require'] }],
    },
  ],
  invalid: [
    {
      code: `import { offload } from '@unblock/runtime';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function count() {
  return offload(() => db.prepare('select count(*) from t').get());
}`,
      errors: [{ messageId: 'outerVariable', line: 5, column: 24, data: { call: 'offload', name: 'db' } }],
    },
    {
      code: `import * as runtime from '@unblock/runtime';
const salt = 'pepper';
runtime.offload((password: string) => password + salt + salt, 'pw');`,
      errors: [{ messageId: 'outerVariable', line: 3, column: 50, data: { call: 'offload', name: 'salt' } }],
    },
    {
      code: `const { runInExecutor, getDefaultExecutor } = require('@unblock/runtime');
const limit = 10;
runInExecutor(getDefaultExecutor(), (n) => Math.min(n, limit), 3);`,
      filename: 'file.js',
      errors: [{ messageId: 'outerVariable', line: 3, column: 56, data: { call: 'runInExecutor', name: 'limit' } }],
    },
    {
      code: `import { ThreadPoolExecutor } from '@unblock/runtime';
const executor = new ThreadPoolExecutor();
const factor = 3;
executor.submit((n: number) => n * factor, [2]);`,
      errors: [{ messageId: 'outerVariable', line: 4, column: 36, data: { call: 'executor.submit', name: 'factor' } }],
    },
    {
      code: `import { offload } from '@unblock/runtime';
offload(() => require('node:fs').readFileSync('/etc/hostname', 'utf8'));`,
      errors: [{ messageId: 'moduleScoped', line: 2, column: 15, data: { call: 'offload', name: 'require' } }],
    },
    {
      code: `import { offload } from '@unblock/runtime';
offload(() => __dirname);`,
      errors: [{ messageId: 'moduleScoped', line: 2, column: 15, data: { call: 'offload', name: '__dirname' } }],
    },
    {
      code: `import { offload } from '@unblock/runtime';
class Report {
  rows = [1, 2, 3];
  total() { return offload(() => this.rows.length); }
}`,
      errors: [{ messageId: 'outerThis', line: 4, column: 34, data: { call: 'offload' } }],
    },
    {
      code: `import { offload } from '@unblock/runtime';
import { renderReport } from './render';
offload(renderReport, { id: 1 });`,
      errors: [{ messageId: 'importedFunction', line: 3, column: 9, data: { call: 'offload', name: 'renderReport' } }],
    },
    {
      // The function is declared elsewhere in the file; its free variable is reported where it is used.
      code: `import { offload } from '@unblock/runtime';
const table = new Map();
function lookup(key: string) { return table.get(key); }
offload(lookup, 'a');`,
      errors: [{ messageId: 'outerVariable', line: 3, column: 39, data: { call: 'offload', name: 'table' } }],
    },
    {
      // Each missing name is reported once, however often it is used.
      code: `import { offload } from '@unblock/runtime';
const a = 1;
const b = 2;
offload(() => a + a + b);`,
      errors: [
        { messageId: 'outerVariable', line: 4, column: 15, data: { call: 'offload', name: 'a' } },
        { messageId: 'outerVariable', line: 4, column: 23, data: { call: 'offload', name: 'b' } },
      ],
    },
    {
      // An outer function's `arguments` is an outer variable too.
      code: `import { offload } from '@unblock/runtime';
function run() { return offload(() => arguments.length); }`,
      errors: [{ messageId: 'outerVariable', line: 2, column: 39, data: { call: 'offload', name: 'arguments' } }],
    },
  ],
});
