// Older code is full of `/* eslint-env node */` comments, which ESLint 9+ reports as fatal
// errors. They are comments: `unblock scan` reports the file's findings and no parse failure,
// and `unblock fix` rewrites the file.

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { makeProject, run } from './fix-helpers.js';

const LEGACY = "/* eslint-env node, mocha */\n/* global describe */\nimport fs from 'node:fs';\n\nexport async function load() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = makeProject({ 'src/legacy.mjs': LEGACY });
  roots.push(root);
  return root;
}

describe('a file with a legacy eslint-env comment', () => {
  it('is scanned like any other: its finding, no parse failure, exit 1', async () => {
    const root = project();
    const { code, stdout, stderr } = await run(['scan', '--format', 'json', 'src'], root);
    const [result] = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string | null; line: number; column: number; fatal?: boolean }> }>;
    expect(result!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'unblock/no-blocking-in-async', line: 6, column: 10 }]);
    expect(stderr).not.toContain('could not parse');
    expect(stderr).toContain('unblock: scanned 1 file; 1 blocking call in 1 file');
    expect(code).toBe(1);
  });

  it('is fixed, comment and all', async () => {
    const root = project();
    const { code, stderr } = await run(['fix', '--force', 'src'], root);
    expect(stderr).not.toContain('could not parse');
    expect(readFileSync(path.join(root, 'src/legacy.mjs'), 'utf8')).toBe(
      "/* eslint-env node, mocha */\n/* global describe */\nimport { readFile } from 'node:fs/promises';\n\nexport async function load() {\n  return await readFile('config.json', 'utf8');\n}\n",
    );
    expect(stderr).toContain('unblock: 1 file changed; 1 site fixed (fs 1)');
    expect(code).toBe(0);
  });
});
