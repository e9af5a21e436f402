import { rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { filesInShard, fnv1a, parseShard } from '../../codemods/engine/shard.js';
import { makeProject, run } from './fix-helpers.js';

const cwd = path.resolve('/project');
const files = Array.from({ length: 300 }, (_, i) => path.join(cwd, 'src', `module-${i}.ts`));

describe('--shard', () => {
  it('splits the files into disjoint shards that together hold every file', () => {
    const shards = [1, 2, 3].map((index) => filesInShard(files, { index, count: 3 }, cwd));
    expect(shards.flat().sort()).toEqual([...files].sort());
    expect(new Set(shards.flat()).size).toBe(files.length);
    // FNV-1a spreads them roughly evenly.
    for (const shard of shards) expect(shard.length).toBeGreaterThan(60);
  });

  it('keeps every file in its shard when files are added or removed', () => {
    const before = filesInShard(files, { index: 2, count: 3 }, cwd);
    const more = [...files, path.join(cwd, 'src', 'added.ts'), path.join(cwd, 'lib', 'other.ts')];
    const after = filesInShard(more, { index: 2, count: 3 }, cwd);
    expect(after.filter((file) => files.includes(file))).toEqual(before);
    expect(filesInShard(files.slice(1), { index: 2, count: 3 }, cwd)).toEqual(before.filter((file) => file !== files[0]));
  });

  it('hashes the path relative to the working directory, so checkouts in different places agree', () => {
    const elsewhere = path.resolve('/ci/build/42');
    const moved = files.map((file) => path.join(elsewhere, path.relative(cwd, file)));
    expect(filesInShard(moved, { index: 1, count: 4 }, elsewhere).map((file) => path.relative(elsewhere, file))).toEqual(
      filesInShard(files, { index: 1, count: 4 }, cwd).map((file) => path.relative(cwd, file)),
    );
  });

  it('uses 32-bit FNV-1a', () => {
    // Reference values of FNV-1a 32.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('parses i/n and rejects anything else, naming --shard', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1.5/3', 'a/b', '3', '-1/3', '']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });
});

describe('unblock fix --shard', () => {
  const root = makeProject(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`src/f${i}.mjs`, 'export const x = 1;\n'])));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('checks each file in exactly one of the shards', async () => {
    const counts: number[] = [];
    for (const index of [1, 2, 3]) {
      const { code, stdout } = await run(['fix', '--shard', `${index}/3`, '--json'], root);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { shard: { index: number; count: number }; summary: { filesChecked: number } };
      expect(report.shard).toEqual({ index, count: 3 });
      counts.push(report.summary.filesChecked);
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('rejects a bad shard with a usage error naming the option', async () => {
    for (const bad of ['0/3', '4/3', 'x']) {
      const { code, stderr } = await run(['fix', '--shard', bad], root);
      expect(code).toBe(2);
      expect(stderr).toContain(`option '--shard <i/n>' argument '${bad}' is invalid`);
    }
  });
});
