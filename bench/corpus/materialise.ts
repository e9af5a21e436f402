// `npm run corpus:materialise -- --mirrors <dir> [--out <dir>]`: writes each corpus repository,
// at its pinned commit, to <out>/<owner>+<name>/, from git directories that are already on this
// machine (nothing is downloaded). The scorer then reads them from UNBLOCK_CORPUS_DIR.
//
// Blobs are read one by one (`git cat-file --batch`) rather than with `git archive`, because a
// partial snapshot may lack a few large blobs; those files are skipped and counted, not fatal.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadCorpus, type CorpusRepo } from './labels.js';
import { snapshotFolder, STAMP_FILE } from './snapshots.js';

const { values } = parseArgs({
  options: {
    mirrors: { type: 'string', default: process.env.UNBLOCK_CORPUS_MIRRORS },
    out: { type: 'string', default: process.env.UNBLOCK_CORPUS_DIR },
  },
});
if (!values.mirrors || !values.out) {
  console.error(
    'corpus:materialise: --mirrors <dir> (or UNBLOCK_CORPUS_MIRRORS) must name a folder of git directories, and --out <dir> (or UNBLOCK_CORPUS_DIR) the folder to write to',
  );
  process.exit(2);
}
const mirrors = path.resolve(values.mirrors);
const out = path.resolve(values.out);

let failed = 0;
for (const repo of loadCorpus().repos) {
  try {
    const target = path.join(out, snapshotFolder(repo.repo));
    if (readStamp(target) === repo.commit) {
      console.log(`${repo.repo}: already at ${repo.commit.slice(0, 12)}`);
      continue;
    }
    const { written, missing } = await materialise(gitDirOf(repo), repo.commit, target);
    console.log(`${repo.repo}: ${written} files at ${repo.commit.slice(0, 12)}${missing > 0 ? `; ${missing} blobs absent from the git directory, skipped` : ''}`);
  } catch (error) {
    failed++;
    console.error(`${repo.repo}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;

function readStamp(folder: string): string | undefined {
  const stamp = path.join(folder, STAMP_FILE);
  return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
}

/** The git directory that holds the pinned commit: `<owner>+<name>/repo` (a fetch mirror), `<owner>+<name>` or `<owner>/<name>`, bare or a clone. */
function gitDirOf(repo: CorpusRepo): string {
  const [owner, name] = repo.repo.split('/') as [string, string];
  const candidates = [path.join(mirrors, `${owner}+${name}`, 'repo'), path.join(mirrors, `${owner}+${name}`), path.join(mirrors, owner, name)].flatMap((dir) => [
    path.join(dir, '.git'),
    dir,
  ]);
  for (const dir of candidates) {
    if (!existsSync(dir)) continue;
    try {
      execFileSync('git', ['--git-dir', dir, 'cat-file', '-e', `${repo.commit}^{commit}`], { stdio: 'ignore' });
      return dir;
    } catch {
      // Not a git directory, or one without the pinned commit: try the next.
    }
  }
  throw new Error(`no git directory under ${mirrors} holds commit ${repo.commit} (looked for ${owner}+${name}/repo, ${owner}+${name} and ${owner}/${name})`);
}

interface TreeEntry {
  readonly object: string;
  readonly file: string;
}

/** Writes the commit's regular files into `target` (through a temporary sibling, renamed at the end). */
async function materialise(gitDir: string, commit: string, target: string): Promise<{ written: number; missing: number }> {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit], { maxBuffer: 1 << 28 }).toString('utf8');
  const entries: TreeEntry[] = [];
  for (const record of listing.split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
    // Regular files only: symbolic links could point outside the snapshot, submodules are other repositories.
    if (match && match[2] === 'blob' && (match[1] === '100644' || match[1] === '100755')) entries.push({ object: match[3]!, file: match[4]! });
  }
  const temporary = `${target}.partial`;
  rmSync(temporary, { recursive: true, force: true });
  let written = 0;
  let missing = 0;
  await readBlobs(gitDir, entries, (entry, content) => {
    if (content === undefined) {
      missing++;
      return;
    }
    const file = path.join(temporary, entry.file);
    if (!file.startsWith(temporary + path.sep)) throw new Error(`refusing a path outside the snapshot: ${entry.file}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written++;
  });
  writeFileSync(path.join(temporary, STAMP_FILE), `${commit}\n`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(temporary, target);
  return { written, missing };
}

/** Streams every entry's blob through one `git cat-file --batch`; `content` is undefined for a blob the git directory lacks. */
function readBlobs(gitDir: string, entries: readonly TreeEntry[], onBlob: (entry: TreeEntry, content: Buffer | undefined) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let pending = Buffer.alloc(0);
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      try {
        for (;;) {
          const newline = pending.indexOf(10);
          if (newline === -1) return;
          const header = pending.subarray(0, newline).toString('utf8');
          const entry = entries[next];
          if (!entry) throw new Error(`git cat-file answered more than was asked: ${header}`);
          if (header.endsWith(' missing')) {
            onBlob(entry, undefined);
            pending = pending.subarray(newline + 1);
            next++;
            continue;
          }
          const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1] ?? Number.NaN);
          if (!Number.isFinite(size)) throw new Error(`unexpected answer from git cat-file: ${header}`);
          // The content, then one newline.
          if (pending.length < newline + 1 + size + 1) return;
          onBlob(entry, pending.subarray(newline + 1, newline + 1 + size));
          pending = pending.subarray(newline + 1 + size + 1);
          next++;
        }
      } catch (error) {
        child.kill();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (next === entries.length) resolve();
      else reject(new Error(`git cat-file stopped after ${next} of ${entries.length} blobs (status ${status})`));
    });
    child.stdin.end(entries.map((entry) => `${entry.object}\n`).join(''));
  });
}
