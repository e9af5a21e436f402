// The blocking calls the scale generator plants, each written with either import style a service
// uses (a default or namespace import, or a named one), so that the rules' import tracking is
// exercised the way real code does it. `call(arg)` is the expression; `api` is how the manifest
// (and the reports) name it.

export const BLOCKING_APIS = [
  {
    api: 'fs.readFileSync',
    imports: { whole: "import fs from 'node:fs';", named: "import { readFileSync } from 'node:fs';" },
    call: { whole: (arg) => `fs.readFileSync(${arg}, 'utf8')`, named: (arg) => `readFileSync(${arg}, 'utf8')` },
  },
  {
    api: 'child_process.execSync',
    imports: { whole: "import childProcess from 'node:child_process';", named: "import { execSync } from 'node:child_process';" },
    call: { whole: (arg) => `childProcess.execSync(\`git log -1 --format=%H -- \${${arg}}\`).toString()`, named: (arg) => `execSync(\`git log -1 --format=%H -- \${${arg}}\`).toString()` },
  },
  {
    api: 'crypto.pbkdf2Sync',
    imports: { whole: "import crypto from 'node:crypto';", named: "import { pbkdf2Sync } from 'node:crypto';" },
    call: { whole: (arg) => `crypto.pbkdf2Sync(String(${arg}), 'salt', 100000, 64, 'sha512').toString('hex')`, named: (arg) => `pbkdf2Sync(String(${arg}), 'salt', 100000, 64, 'sha512').toString('hex')` },
  },
  {
    api: 'zlib.gzipSync',
    imports: { whole: "import * as zlib from 'node:zlib';", named: "import { gzipSync } from 'node:zlib';" },
    call: { whole: (arg) => `zlib.gzipSync(Buffer.from(JSON.stringify(${arg})))`, named: (arg) => `gzipSync(Buffer.from(JSON.stringify(${arg})))` },
  },
];

/** The name the call's text starts with, to find its line in a generated file. */
export function callNeedle(api) {
  return `${api.split('.')[1]}(`;
}
