// Whether the files `unblock fix` is about to rewrite sit in a git work tree
// with uncommitted changes. A clean tree makes every rewrite reviewable with
// `git diff` and revertible with `git checkout`; a dirty one would mix the
// codemod's edits with the user's.

import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { relativePosix } from './relative-path.js';

const run = promisify(execFile);

export interface GitTreeState {
  /** Absolute path of the work tree's top level. */
  readonly root: string;
  /** Paths relative to `root`, as `git status` prints them: modified, staged, deleted, untracked. */
  readonly dirty: readonly string[];
}

/**
 * The state of the git work tree holding `directory`, or undefined when there is none (git is not
 * installed, or the directory is not inside a work tree): then there is nothing to protect.
 * Throws when git knows the work tree but cannot read its status, so the caller does not mistake
 * "could not tell" for "clean".
 */
export async function gitTreeState(directory: string): Promise<GitTreeState | undefined> {
  let root: string;
  try {
    const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd: directory, encoding: 'utf8' });
    root = path.resolve(stdout.trim());
  } catch {
    return undefined;
  }
  if (root === '') return undefined;
  const { stdout } = await run('git', ['status', '--porcelain', '-z', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { root, dirty: parsePorcelainZ(stdout) };
}

/**
 * Uncommitted changes in every git work tree that the paths (relative to `cwd`) are in, named
 * relative to `cwd` with forward slashes. Empty when all are clean or none is in a work tree.
 */
export async function uncommittedChanges(paths: readonly string[], cwd: string): Promise<string[]> {
  const directories = new Set<string>();
  for (const input of paths) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (info) directories.add(info.isDirectory() ? absolute : path.dirname(absolute));
  }
  const trees = new Map<string, GitTreeState>();
  for (const directory of directories) {
    let state: GitTreeState | undefined;
    try {
      state = await gitTreeState(directory);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`could not read the git status of ${directory}: ${reason}; pass --force to fix without the check`, { cause: error });
    }
    if (state) trees.set(state.root, state);
  }
  return [...trees.values()].flatMap((state) => state.dirty.map((file) => relativePosix(cwd, path.join(state.root, file))));
}

/**
 * `git status --porcelain -z`: entries `XY path` separated by NUL; a rename or copy (R or C in
 * either column) is followed by one more NUL-separated field, the path it came from.
 */
export function parsePorcelainZ(output: string): string[] {
  const fields = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (entry === undefined || entry.length < 4) continue;
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    if (/[RC]/.test(status)) i++;
  }
  return paths;
}
