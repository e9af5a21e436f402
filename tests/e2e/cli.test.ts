import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../cli/main.js';
import { repoRoot } from '../helpers/lint.js';

/** Runs the CLI in-process and captures what it prints. */
async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'unblock-cli-'));
  mkdirSync(path.join(work, 'src'));
  mkdirSync(path.join(work, 'node_modules', 'dep'), { recursive: true });
  mkdirSync(path.join(work, 'ignored'));
  writeFileSync(path.join(work, '.gitignore'), 'ignored/\n');
  writeFileSync(
    path.join(work, 'src', 'app.cjs'),
    [
      "const express = require('express');",
      "const fs = require('fs');",
      'const app = express();',
      "const config = fs.readFileSync('config.json');",
      "app.get('/report', (req, res) => {",
      "  res.send(fs.readFileSync('/var/report.txt'));",
      '});',
      'app.listen(3000);',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(work, 'src', 'clean.ts'), "import { readFile } from 'node:fs/promises';\nexport async function f() { return readFile('x'); }\n");
  writeFileSync(path.join(work, 'src', 'broken.js'), 'const x = ;\n');
  writeFileSync(path.join(work, 'src', 'notes.txt'), 'not code');
  writeFileSync(path.join(work, 'node_modules', 'dep', 'index.js'), "async function f() { require('fs').readFileSync('x'); }\n");
  writeFileSync(path.join(work, 'ignored', 'x.js'), "async function f() { require('fs').readFileSync('x'); }\n");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('unblock scan', () => {
  it('reports blocking calls, skips node_modules and .gitignore, and names unparsable files', async () => {
    const { code, stdout, stderr } = await run(['scan', '.'], work);
    expect(code).toBe(1);
    expect(stdout).toContain('src/app.cjs');
    expect(stdout).toMatch(/6:12\s+error\s+`fs\.readFileSync` blocks the event loop in Express route handler `GET \/report`/);
    expect(stdout).not.toContain('node_modules');
    expect(stdout).not.toContain('ignored');
    expect(stderr).toContain('unblock: could not parse src/broken.js:1:');
    expect(stderr).toContain('unblock: scanned 3 files; 1 blocking call in 1 file');
  });

  it('prints JSON that parses, with one finding', async () => {
    const { code, stdout } = await run(['scan', 'src/app.cjs', '--format', 'json'], work);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
    expect(results.flatMap((result) => result.messages).map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([
      { ruleId: 'unblock/no-blocking-in-handler', line: 6 },
    ]);
  });

  it('exits 0 on clean code', async () => {
    const { code, stderr } = await run(['scan', 'src/clean.ts'], work);
    expect(code).toBe(0);
    expect(stderr).toContain('no blocking calls');
  });

  it('names a missing path, still scans the others, and exits 2 when nothing was found', async () => {
    const { code, stderr } = await run(['scan', 'nope', 'src/clean.ts'], work);
    expect(code).toBe(2);
    expect(stderr).toContain('unblock: path not found: nope');
    expect(stderr).toContain('scanned 1 file');
  });

  it('says so when a directory holds no code', async () => {
    mkdirSync(path.join(work, 'empty'), { recursive: true });
    const { code, stderr } = await run(['scan', 'empty'], work);
    expect(code).toBe(2);
    expect(stderr).toContain('no JavaScript or TypeScript files to scan');
  });

  it('skips an explicitly named non-code file with a message', async () => {
    const { stderr } = await run(['scan', 'src/notes.txt', 'src/clean.ts'], work);
    expect(stderr).toContain('skipped src/notes.txt: not a JavaScript or TypeScript file');
  });

  it('rejects an unknown format, naming the option', async () => {
    const { code, stderr } = await run(['scan', '--format', 'xml'], work);
    expect(code).toBe(2);
    expect(stderr).toContain("option '--format <name>' argument 'xml' is invalid");
  });
});

describe('unblock list', () => {
  it('lists every rule and, with --apis, the catalog', async () => {
    const { code, stdout } = await run(['list', '--apis', '--json'], work);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { rules: Array<{ rule: string }>; apis: Array<{ api: string }> };
    expect(listed.rules.map((row) => row.rule)).toContain('unblock/no-blocking-in-async');
    expect(listed.apis.map((row) => row.api)).toEqual(expect.arrayContaining(['fs.readFileSync', 'crypto.pbkdf2Sync', 'better-sqlite3.Statement.all']));
  });
});

describe('the built bin', () => {
  it('scans the bundled example and finds its blocking handlers', () => {
    const bin = path.join(repoRoot, 'dist', 'cli', 'bin.js');
    const result = spawnSync(process.execPath, [bin, 'scan', 'examples/express-service', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    const found = results.flatMap((entry) =>
      entry.messages.map((message) => `${path.relative(repoRoot, entry.filePath)}:${message.line} ${message.ruleId}`),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'examples/express-service/src/routes/users.js:12 unblock/no-blocking-in-handler',
        'examples/express-service/src/routes/users.js:21 unblock/no-blocking-in-handler',
        'examples/express-service/src/routes/reports.js:14 unblock/no-blocking-in-async',
        'examples/express-service/src/app.js:13 unblock/no-busy-wait',
      ]),
    );
    // Start-up code (config, seeding, the warm-up call, listen) is not reported.
    expect(found.some((entry) => /config\.js|seed\.js|server\.js/.test(entry))).toBe(false);
  });
});
