// `unblock scan --typed` / `--no-typed`, and the default: typed where a tsconfig.json or
// jsconfig.json governs the files. A JavaScript project gets a program too (allowJs), so the
// checker sees what syntax cannot: a better-sqlite3 database handed to a helper as a parameter.

import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';
import { makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  // better-sqlite3's types come from the repository's install.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A helper whose receiver only types know: `db` is a parameter. */
const FILES = {
  'package.json': '{ "name": "typed-scan", "private": true, "type": "module" }\n',
  'src/count.js': [
    '/** @param {import("better-sqlite3").Database} db */',
    'export function count(db) {',
    "  return db.prepare('select count(*) from users').get();",
    '}',
    '',
  ].join('\n'),
  'src/routes.js': [
    "import Database from 'better-sqlite3';",
    "import { count } from './count.js';",
    "const db = new Database('app.db');",
    'export async function users() {',
    '  return count(db);',
    '}',
    '',
  ].join('\n'),
};

const rules = (stdout: string): string[] =>
  (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; ruleId: string }> }>).flatMap((result) =>
    result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`),
  );

describe('unblock scan and type information', () => {
  it('--typed builds a program of a JavaScript project and follows a database handed to a helper', async () => {
    const root = project(FILES);
    const typed = await run(['scan', '--typed', '--format', 'json', 'src'], root);
    expect(rules(typed.stdout)).toEqual(['routes.js:5 unblock/no-transitive-blocking']);
    expect(typed.stderr).toContain("unblock: with type information (a TypeScript program of the files, with Node's defaults)");
    expect(typed.code).toBe(1);
  });

  it('reads by syntax alone without a tsconfig.json or jsconfig.json, and says nothing of types', async () => {
    const root = project(FILES);
    const plain = await run(['scan', '--format', 'json', 'src'], root);
    expect(rules(plain.stdout)).toEqual([]);
    expect(plain.stderr).not.toContain('type information');
    expect(plain.code).toBe(0);
  });

  it('is typed by default where a jsconfig.json governs the files, and --no-typed turns it off', async () => {
    const root = project({ ...FILES, 'jsconfig.json': '{ "compilerOptions": { "module": "nodenext", "checkJs": false } }\n' });
    const auto = await run(['scan', '--format', 'json', 'src'], root);
    expect(rules(auto.stdout)).toEqual(['routes.js:5 unblock/no-transitive-blocking']);
    expect(auto.stderr).toContain('extending jsconfig.json');
    const off = await run(['scan', '--no-typed', '--format', 'json', 'src'], root);
    expect(rules(off.stdout)).toEqual([]);
  });

  it('takes the paths of the project config it extends', async () => {
    const root = project({
      'package.json': '{ "name": "typed-paths", "private": true }\n',
      'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "allowJs": true, "baseUrl": ".", "paths": { "@lib/*": ["lib/*"] } } }\n',
      'lib/read.ts': "import { readFileSync } from 'node:fs';\nexport function read(file: string): string {\n  return readFileSync(file, 'utf8');\n}\n",
      'src/handler.ts': "import { read } from '@lib/read';\nexport async function handler(): Promise<string> {\n  return read('x');\n}\n",
    });
    const typed = await run(['scan', '--format', 'json', 'src'], root);
    expect(rules(typed.stdout)).toEqual(['handler.ts:3 unblock/no-transitive-blocking']);
    expect(typed.stderr).toContain('extending tsconfig.json');
  });
});
