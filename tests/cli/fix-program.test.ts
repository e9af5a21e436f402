// `unblock fix` runs the whole-program codemod (sync-callers) after the per-file ones: a sync
// helper that blocks and that only async code calls becomes async, across files, and a helper
// that sync code in another shard also calls stays sync.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeProject, run } from './fix-helpers.js';

const PACKAGE = JSON.stringify({ name: 'program-fixture', type: 'module', private: true });
const HELPER = "import fs from 'node:fs';\n\nexport function loadTemplate(name) {\n  return fs.readFileSync(`views/${name}.html`, 'utf8');\n}\n";
const ROUTE = "import { loadTemplate } from './helper.js';\n\nexport async function page(name) {\n  return loadTemplate(name).toUpperCase();\n}\n";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('unblock fix with the sync-callers codemod', () => {
  it('makes a helper that only async code calls async, and awaits it in the other file', async () => {
    root = makeProject({ 'package.json': PACKAGE, 'src/helper.js': HELPER, 'src/route.js': ROUTE });
    const result = await run(['fix', '--force', 'src'], root);
    expect(result.code, result.stderr).toBe(0);
    const helper = readFileSync(path.join(root, 'src/helper.js'), 'utf8');
    const route = readFileSync(path.join(root, 'src/route.js'), 'utf8');
    expect(helper).toMatch(/export async function loadTemplate/);
    expect(helper).toMatch(/await readFile\(/);
    expect(route).toContain('(await loadTemplate(name)).toUpperCase()');
    expect(result.stderr).toMatch(/sync-callers|fixed/);
  });

  it('changes nothing on a second run', async () => {
    root = makeProject({ 'package.json': PACKAGE, 'src/helper.js': HELPER, 'src/route.js': ROUTE });
    await run(['fix', '--force', 'src'], root);
    const before = [readFileSync(path.join(root, 'src/helper.js'), 'utf8'), readFileSync(path.join(root, 'src/route.js'), 'utf8')];
    const second = await run(['fix', '--force', 'src'], root);
    expect(second.code).toBe(0);
    expect([readFileSync(path.join(root, 'src/helper.js'), 'utf8'), readFileSync(path.join(root, 'src/route.js'), 'utf8')]).toEqual(before);
  });

  it('keeps the helper sync when sync code outside the shard calls it, and says why', async () => {
    const boot = "import { loadTemplate } from './helper.js';\n\nexport function warmUp() {\n  return loadTemplate('home').length;\n}\n";
    root = makeProject({ 'package.json': PACKAGE, 'src/helper.js': HELPER, 'src/route.js': ROUTE, 'src/boot.js': boot });
    // Run every shard: whichever holds the helper, boot.js is read as a caller.
    const runs = [];
    for (const shard of ['1/3', '2/3', '3/3']) runs.push(await run(['fix', '--force', '--codemod', 'sync-callers', '--shard', shard, 'src'], root));
    for (const result of runs) expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'src/helper.js'), 'utf8')).toBe(HELPER);
    expect(readFileSync(path.join(root, 'src/boot.js'), 'utf8')).toBe(boot);
    expect(runs.map((result) => result.stderr).join('\n')).toMatch(/boot\.js:\d+/);
  });
});
