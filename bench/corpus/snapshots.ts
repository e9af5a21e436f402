// Where the corpus's snapshots live: one folder per repository under UNBLOCK_CORPUS_DIR, named
// `<owner>+<name>`, holding the files at the pinned commit and a stamp naming that commit.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { siteId, type CorpusRepo, type Site } from './labels.js';

export const CORPUS_DIR_VARIABLE = 'UNBLOCK_CORPUS_DIR';

/** Written by materialise.ts next to the files; the scorer refuses a snapshot at another commit. */
export const STAMP_FILE = '.unblock-corpus-commit';

export function snapshotFolder(repo: string): string {
  return repo.replace('/', '+');
}

/** The folder of `repo`'s snapshot, or a sentence saying why it cannot be used. */
export function snapshotOf(corpusDir: string, repo: CorpusRepo): { dir: string } | { problem: string } {
  const dir = path.join(corpusDir, snapshotFolder(repo.repo));
  if (!existsSync(dir)) return { problem: `${repo.repo}: no snapshot at ${dir}` };
  const stamp = path.join(dir, STAMP_FILE);
  const commit = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;
  if (commit !== repo.commit) return { problem: `${repo.repo}: ${dir} holds ${commit ?? 'an unknown commit'}, not the pinned ${repo.commit}` };
  return { dir };
}

/** Reads the snapshots' files once each, as lines. */
export class SnapshotLines {
  private readonly cache = new Map<string, readonly string[] | undefined>();
  private readonly dirOf: (repo: string) => string;

  constructor(dirOf: (repo: string) => string) {
    this.dirOf = dirOf;
  }

  /** The file's lines, or undefined when the snapshot has no such file. */
  of(repo: string, file: string): readonly string[] | undefined {
    const full = path.join(this.dirOf(repo), file);
    if (!this.cache.has(full)) this.cache.set(full, existsSync(full) ? readFileSync(full, 'utf8').split('\n') : undefined);
    return this.cache.get(full);
  }
}

/**
 * Labels that do not fit the snapshot: a missing file or line, or a line that does not name the
 * labelled API's last word (`readFileSync` for `fs.readFileSync`, `sync` for `write-file-atomic.sync`,
 * in any case). A wrong commit or a typo in a label shows up here, before anything is scored.
 */
export function labelsOutOfPlace(sites: readonly Site[], snapshots: SnapshotLines): string[] {
  const problems: string[] = [];
  for (const site of sites) {
    const text = snapshots.of(site.repo, site.file);
    const word = site.api.split(/[\s.]/).at(-1)!.toLowerCase();
    if (!text) problems.push(`${siteId(site)}: no such file in the snapshot`);
    else if (!text[site.line - 1]?.toLowerCase().includes(word)) problems.push(`${siteId(site)}: line ${site.line} does not mention \`${word}\``);
  }
  return problems;
}
