import rule from '../../rules/no-transitive-blocking.js';
import { createRuleTester } from './rule-tester.js';

createRuleTester().run('no-transitive-blocking', rule, {
  valid: [
    // A helper called only at start-up.
    `import fs from 'node:fs';
function loadConfig() {
  return JSON.parse(fs.readFileSync('config.json', 'utf8'));
}
export const config = loadConfig();`,
    // A helper that does not block.
    `function total(items: number[]) {
  return items.reduce((sum, item) => sum + item, 0);
}
export async function handle(items: number[]) {
  return total(items);
}`,
    // A cache filled once with ??=.
    `import { readFileSync } from 'node:fs';
let templates: string | undefined;
function template() {
  return (templates ??= readFileSync('t.html', 'utf8'));
}
export async function page() {
  return template();
}`,
    // A cache filled once under if (x === undefined).
    `import { readFileSync } from 'node:fs';
let key: Buffer | undefined;
function signingKey() {
  if (key === undefined) {
    key = readFileSync('key.pem');
  }
  return key;
}
export async function sign() {
  return signingKey();
}`,
    // Recursion without blocking ends.
    `function depth(n: number): number {
  return n === 0 ? 0 : 1 + depth(n - 1);
}
export async function handle() {
  return depth(3);
}`,
    // A helper handed to an offload wrapper runs in a worker.
    `import { readFileSync } from 'node:fs';
import { offload } from '@unblock/runtime';
function read(path: string) {
  return readFileSync(path, 'utf8');
}
export async function handle() {
  return offload(() => read('x'));
}`,
    // An async helper's own calls are no-blocking-in-async's to report.
    `import { readFileSync } from 'node:fs';
async function read(path: string) {
  return readFileSync(path, 'utf8');
}
export async function handle() {
  return read('x');
}`,
    // A helper that only returns a closure does not block when called.
    `import { readFileSync } from 'node:fs';
function later(path: string) {
  return () => readFileSync(path);
}
export async function handle() {
  const read = later('x');
  return typeof read;
}`,
    // A shadowed name is not the helper.
    `import { readFileSync } from 'node:fs';
function read() {
  return readFileSync('x');
}
export async function handle(read: () => string) {
  return read();
}`,
    // Allowed by option.
    {
      code: `import { readFileSync } from 'node:fs';
function read() {
  return readFileSync('x');
}
export async function handle() {
  return read();
}`,
      options: [{ allow: ['fs.readFileSync'] }],
    },
  ],
  invalid: [
    {
      code: `import fs from 'node:fs';
import express from 'express';
const app = express();
function loadTemplate(name: string) {
  return fs.readFileSync(\`views/\${name}.html\`, 'utf8');
}
function render(name: string) {
  return loadTemplate(name).toUpperCase();
}
app.get('/', (req, res) => {
  res.send(render('home'));
});`,
      errors: [
        {
          messageId: 'transitiveCall',
          line: 11,
          column: 12,
          data: {
            callee: 'render',
            context: 'Express route handler `GET /`',
            chain: 'render → loadTemplate → fs.readFileSync',
            line: '5',
            fix: 'use `fs.promises.readFile`',
          },
        },
      ],
    },
    {
      code: `import { readFileSync } from 'node:fs';
export class Store {
  private read(name: string) {
    return readFileSync(name, 'utf8');
  }
  async rows(name: string) {
    return this.read(name).split('\\n');
  }
}`,
      errors: [{ messageId: 'transitiveCall', line: 7, column: 12, data: { callee: 'this.read', context: 'async method `Store.rows`', chain: 'this.read → fs.readFileSync', line: '4', fix: 'use `fs.promises.readFile`' } }],
    },
    {
      // A factory's returned closure.
      code: `import { readFileSync } from 'node:fs';
const makeReader = (dir: string) => (name: string) => readFileSync(dir + name);
const readPublic = makeReader('public/');
export async function serve(name: string) {
  return readPublic(name);
}`,
      errors: [{ messageId: 'transitiveCall', line: 5, column: 10 }],
    },
    {
      // An object-literal method, called inside a map callback of an async function.
      code: `import { execSync } from 'node:child_process';
const git = {
  head() {
    return execSync('git rev-parse HEAD').toString();
  },
};
export async function heads(repos: string[]) {
  return repos.map(() => git.head());
}`,
      errors: [{ messageId: 'transitiveCall', line: 8, column: 26, data: { callee: 'git.head', context: 'async function `heads` (inside a `map` callback)', chain: 'git.head → child_process.execSync', line: '4', fix: 'use `util.promisify(child_process.exec)`' } }],
    },
    {
      // Recursion that blocks on the way.
      code: `import { readdirSync, statSync } from 'node:fs';
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(dir + '/' + name).isDirectory() ? walk(dir + '/' + name) : [name]));
}
export async function list(dir: string) {
  return walk(dir);
}`,
      errors: [{ messageId: 'transitiveCall', line: 6, column: 10, data: { callee: 'walk', context: 'async function `list`', chain: 'walk → fs.readdirSync', line: '3', fix: 'use `fs.promises.readdir`' } }],
    },
    {
      // CommonJS, a function declaration called from a Koa middleware.
      code: `const { pbkdf2Sync } = require('crypto');
const Koa = require('koa');
const app = new Koa();
function derive(password) {
  return pbkdf2Sync(password, 'salt', 100000, 32, 'sha256');
}
app.use((ctx) => {
  ctx.body = derive(ctx.query.password).toString('hex');
});`,
      filename: 'server.cjs',
      errors: [{ messageId: 'transitiveCall', line: 8, column: 14 }],
    },
  ],
});
