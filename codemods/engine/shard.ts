// Splits a file list into n shards for parallel CI jobs. A file's shard depends
// only on its own path (FNV-1a of the path relative to the working directory),
// so adding or removing a file never moves any other file to another shard.

import { relativePosix } from './relative-path.js';

export interface Shard {
  /** 1-based: `--shard 2/3` is { index: 2, count: 3 }. */
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n`; the error names `--shard` so the user knows which option to fix. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`--shard takes i/n with whole numbers, like --shard 1/4 (got "${text}")`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new Error(`--shard ${text}: the number of shards must be at least 1`);
  if (index < 1 || index > count) throw new Error(`--shard ${text}: the shard must be between 1 and ${count}`);
  if (!Number.isSafeInteger(count)) throw new Error(`--shard ${text}: the number of shards is too large`);
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-8 bytes: tiny, stable across Node versions and platforms. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The files of `files` (absolute) that belong to `shard`. The key is the path relative to `cwd`
 * with forward slashes, so the same checkout shards the same way on Windows and POSIX.
 */
export function filesInShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  if (shard.count === 1) return [...files];
  return files.filter((file) => {
    const key = relativePosix(cwd, file);
    return fnv1a(key) % shard.count === shard.index - 1;
  });
}
