// `unblock fix` respects what the file system says. A rename needs only the directory's
// permission, so before this the atomic write replaced a 0444 file, and gave the copy the group
// of whoever ran it. The bin runs as a user the file system can refuse (tests/helpers/other-user.ts):
// a file it may not write, one in a directory it may not write and one whose group it cannot keep
// are left byte for byte and reported, with exit 1, and count as nothing fixed.

import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTo, otherUser, runBinAs, skipReason, type OtherUser } from '../helpers/other-user.js';
import { FIXTURES, run } from './fix-helpers.js';

const SOURCE = FIXTURES['src/read.mjs']!;
const FIXED = "import { readFile } from 'node:fs/promises';\n\nexport async function load() {\n  return await readFile('config.json', 'utf8');\n}\n";
const isRoot = process.getuid?.() === 0;

interface JsonReport {
  summary: { filesChanged: number; sitesFixed: number; errors: number };
  files: Array<{ file: string; changed: boolean; fixed: unknown[] }>;
  errors: Array<{ file: string; kind: string; message: string }>;
}

const skip = skipReason();
let root: string;
let user: OtherUser;

/** Makes `file` belong to the user the bin runs as (it already does when that is us). */
function giveTo(file: string, to: OtherUser, gid = to.gid): void {
  if (to.uid !== undefined) chownSync(file, to.uid, gid ?? -1);
}

beforeAll(() => {
  if (skip) return;
  user = otherUser() as OtherUser;
  root = mkdtempSync(path.join(tmpdir(), 'unblock-perm-'));
  openTo(root, user);
  // The project is the user's: it may create files here, so only the file system's word stops it.
  giveTo(root, user);
  for (const name of ['ok.mjs', 'readonly.mjs', 'locked/inside.mjs']) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), SOURCE);
  }
  giveTo(path.join(root, 'ok.mjs'), user);
  chmodSync(path.join(root, 'ok.mjs'), 0o640);
  // Read-only: as root, root's own 0444 file; otherwise the user's own 0444 file.
  chmodSync(path.join(root, 'readonly.mjs'), 0o444);
  // The user's own file, in a directory the user may not write (root's, or the user's own 0555).
  giveTo(path.join(root, 'locked/inside.mjs'), user);
  chmodSync(path.join(root, 'locked'), 0o555);
  if (isRoot) {
    // The user's own writable file whose group (root's) the user is not in.
    writeFileSync(path.join(root, 'shared.mjs'), SOURCE);
    giveTo(path.join(root, 'shared.mjs'), user, 0);
    chmodSync(path.join(root, 'shared.mjs'), 0o664);
  }
});
afterAll(() => {
  if (!root) return;
  chmodSync(path.join(root, 'locked'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(skip)(`unblock fix as another user${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const refused = (): Record<string, RegExp> => ({
    'readonly.mjs': /^this user may not write it \(mode 0444\); it was left as it was$/,
    'locked/inside.mjs': /^this user may not create files in .*locked, which a safe write .* needs; it was left as it was$/,
    ...(isRoot ? { 'shared.mjs': /^its group \(gid 0\) is not one of this user's, so a rewritten copy could not keep it; it was left as it was$/ } : {}),
  });

  it('with --dry, counts only the file a real run would write', async () => {
    const { code, stdout } = await runBinAs(user, ['fix', '--dry', '--json', '-', '.'], root);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary).toMatchObject({ filesChanged: 1, sitesFixed: 1, errors: Object.keys(refused()).length });
    expect(report.files.filter((file) => file.changed).map((file) => file.file)).toEqual(['ok.mjs']);
    expect(Object.fromEntries(report.errors.map((error) => [error.file, error.kind]))).toEqual(Object.fromEntries(Object.keys(refused()).map((file) => [file, 'write'])));
    expect(code).toBe(1);
  });

  it('writes the file it may, leaves each other one byte for byte with the reason, and exits 1', async () => {
    const modes = Object.fromEntries(Object.keys(refused()).map((file) => [file, statSync(path.join(root, file))]));
    const { code, stdout, stderr } = await runBinAs(user, ['fix', '--force', '--json', '-', '.'], root);
    const report = JSON.parse(stdout) as JsonReport;
    for (const [file, reason] of Object.entries(refused())) {
      expect(report.errors.find((error) => error.file === file)?.message).toMatch(reason);
      expect(stderr).toContain(`unblock: could not write ${file}: `);
      expect(readFileSync(path.join(root, file), 'utf8')).toBe(SOURCE);
      const after = statSync(path.join(root, file));
      expect([after.mode, after.uid, after.gid, after.ino]).toEqual([modes[file]!.mode, modes[file]!.uid, modes[file]!.gid, modes[file]!.ino]);
    }
    expect(report.summary).toMatchObject({ filesChanged: 1, sitesFixed: 1 });
    expect(readFileSync(path.join(root, 'ok.mjs'), 'utf8')).toBe(FIXED);
    expect(statSync(path.join(root, 'ok.mjs')).mode & 0o7777).toBe(0o640);
    expect(stderr).toContain(`unblock: 1 file changed; 1 site fixed (fs 1); 0 sites left; ${Object.keys(refused()).length} files could not be fixed`);
    expect(code).toBe(1);
  });
});

describe.skipIf(!isRoot || skip)(`unblock fix as root${isRoot ? '' : ' (skipped: only root may give a file to another user)'}`, () => {
  it('gives the rewritten file its owner, group and mode back', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'unblock-owner-'));
    try {
      const file = path.join(project, 'theirs.mjs');
      writeFileSync(file, SOURCE);
      const other = otherUser() as OtherUser;
      chownSync(file, other.uid!, other.gid!);
      chmodSync(file, 0o640);
      const { code } = await run(['fix', '--force', '.'], project);
      expect(code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(FIXED);
      const after = statSync(file);
      expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([other.uid, other.gid, 0o640]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
