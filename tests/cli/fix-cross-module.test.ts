// `unblock fix` and what the rules report across modules: sync-callers fixes a helper function it
// can move to a worker, and every other call of a blocking helper in another module is listed as left,
// once, with where it blocks.

import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { repoRoot } from '../helpers/lint.js';
import { makeProject, run } from './fix-helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const FILES = {
  'package.json': '{ "name": "cross-module", "private": true, "type": "module", "dependencies": { "express": "^5.1.0", "@unblock/runtime": "0.1.0" } }\n',
  'lib/config.js': "import fs from 'node:fs';\n\nexport function loadConfig() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n",
  'lib/store.js': "import fs from 'node:fs';\n\nclass Store {\n  list() {\n    return fs.readdirSync('data');\n  }\n}\n\nexport const store = new Store();\n",
  'app.js':
    "import express from 'express';\nimport { loadConfig } from './lib/config.js';\nimport { store } from './lib/store.js';\n\nconst app = express();\napp.get('/x', async (req, res) => {\n  res.json([loadConfig(), store.list()]);\n});\nexport default app;\n",
};

interface Report {
  files: Array<{ file: string; fixed: Array<{ api: string; line: number; column: number }>; left: Array<{ api: string; line: number; column: number; reason?: string; codemod: string }> }>;
}

describe('unblock fix across modules', () => {
  it('fixes the helper sync-callers can move to a worker and lists the method it cannot, each once', async () => {
    const root = makeProject(FILES);
    roots.push(root);
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const result = await run(['fix', '.', '--force', '--json'], root);
    const report = JSON.parse(result.stdout) as Report;
    const app = report.files.find((file) => file.file === 'app.js');
    // Positions are in the file as written: line 8 after the new import.
    expect(app?.fixed.map((site) => `${site.line}:${site.column} ${site.api}`)).toEqual(['8:32 loadConfig']);
    expect(app?.left.map((site) => `${site.line}:${site.column} ${site.api} ${site.codemod}`)).toEqual(['8:46 store.list cross-module']);
    expect(app?.left[0]?.reason).toBe(
      '`store.list` blocks in another module (`fs.readdirSync` at lib/store.js:5), and no codemod rewrote the call: make that helper async, or run it in a worker with `workerModule`',
    );
    expect(readFileSync(path.join(root, 'app.js'), 'utf8')).toContain('await configWorker.loadConfig()');
    expect(result.code).toBe(0);
  });
});
