// Precision against the nearest peer, eslint-plugin-n's `no-sync`, on a small
// hand-labelled corpus of server code: lines marked `// blocking` run on the
// event loop while a request is served; every other sync call is harmless
// (start-up, a build script, a shadowed name, an in-memory `*Sync` API).
// unblock must report exactly the marked lines. The table shows what
// `no-sync` reports on the same files, for the README's comparison.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { recommendedRules } from '../../rules/configs.js';
import { parserForNoSync } from '../../scripts/no-sync-parser.js';

const corpus = path.join(import.meta.dirname, 'corpus');
// The corpus's package.json marks its root, so that the files are not taken for tests (analysis/tooling-file.ts).
const files = readdirSync(corpus).filter((file) => file !== 'package.json').sort();

type Plugins = NonNullable<Linter.Config['plugins']>;

function reportedLines(file: string, text: string, rules: Linter.RulesRecord, plugins: Plugins, parser: Linter.Parser = tsParser): number[] {
  const linter = new Linter({ configType: 'flat', cwd: corpus });
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.{js,mjs,cjs,ts}'],
        languageOptions: { parser, sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' },
        plugins,
        rules,
      },
    ],
    path.join(corpus, file),
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return [...new Set(messages.map((message) => message.line))].sort((a, b) => a - b);
}

function markedLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes('// blocking') ? [index + 1] : []));
}

const ours = { unblock: plugin };
const peer = { n: nodePlugin as unknown as Plugins[string] };

describe('precision on the labelled corpus', () => {
  const rows: Array<{ file: string; marked: number; unblockHits: number; unblockFalse: number; peerHits: number; peerFalse: number }> = [];

  for (const file of files) {
    it(`reports exactly the blocking lines of ${file}`, () => {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      const marked = markedLines(text);
      const unblock = reportedLines(file, text, recommendedRules, ours);
      const noSync = reportedLines(file, text, { 'n/no-sync': 'error' }, peer, parserForNoSync);
      expect(unblock).toEqual(marked);
      rows.push({
        file,
        marked: marked.length,
        unblockHits: unblock.filter((line) => marked.includes(line)).length,
        unblockFalse: unblock.filter((line) => !marked.includes(line)).length,
        peerHits: noSync.filter((line) => marked.includes(line)).length,
        peerFalse: noSync.filter((line) => !marked.includes(line)).length,
      });
    });
  }

  it('raises fewer false alarms than n/no-sync and misses nothing', () => {
    expect(rows).toHaveLength(files.length);
    const total = (key: keyof (typeof rows)[number]): number => rows.reduce((sum, row) => sum + (row[key] as number), 0);
    console.table(rows);
    expect(total('unblockFalse')).toBe(0);
    expect(total('unblockHits')).toBe(total('marked'));
    // The comparison the corpus exists for: the peer flags harmless sync calls.
    expect(total('peerFalse')).toBeGreaterThan(0);
  });
});
