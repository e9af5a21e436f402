// Runs the `unblock` bin as a user the file system can say no to. Tests run as root here, and
// root reads a mode-000 file and writes a 0444 one, so a permission test that ran in-process
// would prove nothing: as root, the child gets the uid and gid of `nobody`; as anyone else, the
// child is simply that user. Where neither works (Windows, root without a `nobody`, a checkout
// `nobody` cannot read), `skipReason` says why, and the tests skip with it rather than fake it.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';

import { repoRoot } from './lint.js';

export interface OtherUser {
  /** Set when the child must drop root's privileges. */
  readonly uid?: number;
  readonly gid?: number;
  readonly name: string;
}

export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built bin when there is a build with the command, else the sources through tsx. */
export function binCommand(): string[] {
  const built = path.join(repoRoot, 'dist', 'cli', 'bin.js');
  return existsSync(built) ? [built] : [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'cli', 'bin.ts')];
}

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  try {
    return Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return undefined;
  }
}

function findOtherUser(): OtherUser | string {
  if (process.platform === 'win32' || process.getuid === undefined) return 'POSIX permissions do not apply on Windows';
  if (process.getuid() !== 0) return { name: 'the current (unprivileged) user' };
  const uid = idOf('-u', 'nobody');
  const gid = idOf('-g', 'nobody');
  if (uid === undefined || gid === undefined) return 'the tests run as root and there is no `nobody` user to drop to';
  const user: OtherUser = { uid, gid, name: 'nobody' };
  try {
    execFileSync(process.execPath, [...binCommand(), '--version'], { uid, gid, stdio: 'ignore', cwd: '/' });
  } catch {
    return `the tests run as root and \`nobody\` cannot run the bin from ${repoRoot} (a directory it may not read)`;
  }
  return user;
}

let found: OtherUser | string | undefined;

/** The user to run the bin as, or why there is none. */
export function otherUser(): OtherUser | string {
  found ??= findOtherUser();
  return found;
}

/** Why permission tests must skip here, or undefined when they can run. */
export function skipReason(): string | undefined {
  const user = otherUser();
  return typeof user === 'string' ? user : undefined;
}

/** Lets the other user into a test project: mkdtemp makes it 0700 for its creator. */
export function openTo(directory: string, user: OtherUser): void {
  if (user.uid !== undefined) chmodSync(directory, 0o755);
}

/** Runs `unblock <args>` in `cwd` as `user`, and collects its exit code and output. */
export function runBinAs(user: OtherUser, args: readonly string[], cwd: string): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...binCommand(), ...args], {
      cwd,
      ...(user.uid === undefined ? {} : { uid: user.uid, gid: user.gid }),
      // No colours, no git identity or hooks from the machine: plain output to compare.
      env: { PATH: process.env.PATH, NO_COLOR: '1', HOME: cwd },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
