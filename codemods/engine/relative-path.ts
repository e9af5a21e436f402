// Paths as unblock prints and keys them: relative, with forward slashes on every platform, so
// that reports, baselines and shard assignment are the same on Windows and POSIX.

import path from 'node:path';

/** `to` relative to `from`, with `/` as the separator; `''` when they are the same path. */
export function relativePosix(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}
