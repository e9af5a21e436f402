// One unreadable file must not cost the others: `unblock scan` as a user who may not read a
// mode-000 file reports it and still scans, and prints, everything else.

import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTo, otherUser, runBinAs, skipReason, type BinRun, type OtherUser } from '../helpers/other-user.js';

const BLOCKING = "import fs from 'node:fs';\nexport async function load() {\n  return fs.readFileSync('config.json');\n}\n";
const CLEAN = 'export const answer = 42;\n';

const skip = skipReason();
let root: string;
let user: OtherUser;
/** The four runs, started together in beforeAll: each is a process that loads ESLint and TypeScript. */
let runs: Record<'stylish' | 'json' | 'sarif' | 'clean', Promise<BinRun>>;

beforeAll(() => {
  if (skip) return;
  user = otherUser() as OtherUser;
  root = mkdtempSync(path.join(tmpdir(), 'unblock-unreadable-'));
  openTo(root, user);
  writeFileSync(path.join(root, 'a.js'), BLOCKING);
  writeFileSync(path.join(root, 'clean.js'), CLEAN);
  writeFileSync(path.join(root, 'z.js'), BLOCKING);
  chmodSync(path.join(root, 'z.js'), 0o000);
  runs = {
    stylish: runBinAs(user, ['scan', '.'], root),
    json: runBinAs(user, ['scan', '--format', 'json', '.'], root),
    sarif: runBinAs(user, ['scan', '--format', 'sarif', '.'], root),
    clean: runBinAs(user, ['scan', 'clean.js', 'z.js'], root),
  };
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(skip)(`unblock scan with a mode-000 file, as another user${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('reports the other files\' findings in stylish output, names the unreadable one, and exits 1', async () => {
    const { code, stdout, stderr } = await runs.stylish;
    expect(stdout).toMatch(/a\.js\n\s+3:10\s+error\s+`fs\.readFileSync` blocks the event loop/);
    expect(stderr).toMatch(/unblock: could not read z\.js: EACCES.*\(not scanned; every other file was\)/);
    expect(stderr).toContain('unblock: scanned 2 files; 1 blocking call in 1 file');
    expect(code).toBe(1);
  });

  it('prints JSON for the files it could read', async () => {
    const { code, stdout } = await runs.json;
    const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number }> }>;
    expect(results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.line)])).toEqual([
      ['a.js', [3]],
      ['clean.js', []],
    ]);
    expect(code).toBe(1);
  });

  it('prints SARIF with the finding and a read-error notification for the unreadable file', async () => {
    const { stdout } = await runs.sarif;
    const [run] = (JSON.parse(stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ descriptor: { id: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }> }).runs;
    expect(run!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['a.js']);
    const [invocation] = run!.invocations;
    expect(invocation!.executionSuccessful).toBe(false);
    expect(invocation!.toolExecutionNotifications.map((note) => [note.descriptor.id, note.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([['read-error', 'z.js']]);
  });

  it('exits 2 when nothing was found in the files it could read', async () => {
    const { code, stderr } = await runs.clean;
    expect(stderr).toContain('could not read z.js');
    expect(stderr).toContain('unblock: scanned 1 file; no blocking calls on the event loop');
    expect(code).toBe(2);
  });
});
