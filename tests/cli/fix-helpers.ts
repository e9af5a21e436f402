// Shared set-up for the `unblock fix` tests: a temp project with one file per
// situation the command must handle, and a way to run the CLI in-process.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { main } from '../../cli/main.js';

// Run from a git hook, GIT_DIR and friends would point every git command here (ours and the
// CLI's) at the project's own repository instead of the temp ones.
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete process.env[name];

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with a capturing io (no progress bar) and `cwd` as the working directory. */
export async function run(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

export const FIXTURES: Record<string, string> = {
  // Fixed: a blocking read in an async function.
  'src/read.mjs': "import fs from 'node:fs';\n\nexport async function load() {\n  return fs.readFileSync('config.json', 'utf8');\n}\n",
  // Windows line endings must survive the rewrite.
  'src/crlf.mjs': "import fs from 'node:fs';\r\n\r\nexport async function load() {\r\n  return fs.readFileSync('a.txt', 'utf8');\r\n}\r\n",
  // So must a byte order mark.
  'src/bom.mjs': "\uFEFFimport fs from 'node:fs';\n\nexport async function load() {\n  return fs.readFileSync('b.txt', 'utf8');\n}\n",
  // Does not parse: reported, left byte for byte, exit 1.
  'src/broken.js': 'export async function load() {\n  const x = ;\n}\n',
  // A numeric file descriptor has no promise form with the same meaning: left, with the reason.
  'src/left.mjs': "import fs from 'node:fs';\n\nexport async function stdin() {\n  return fs.readFileSync(0, 'utf8');\n}\n",
  // Nothing to do.
  'src/clean.mjs': 'export const answer = 42;\n',
};

/** A fresh temp directory holding FIXTURES. */
export function makeProject(files: Record<string, string> = FIXTURES): string {
  const root = mkdtempSync(path.join(tmpdir(), 'unblock-fix-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Every file under `root` (relative, sorted), skipping .git. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.relative(root, entry.parentPath).split(path.sep).includes('.git'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs git in `cwd` with an identity and no signing, whatever the machine's config says. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=unblock-test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** Makes `root` a git repository with everything in it committed. */
export function commitAll(root: string): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'fixtures');
}
