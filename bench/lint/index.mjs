#!/usr/bin/env node
// bench/lint: what unblock's rules cost on top of the parse ESLint does anyway.
// Each round lints every file of the corpus three times, back to back, in rotating order:
// parse-only (parser, scope analysis, ESLint's traversal, no rules), eslint-plugin-n's `no-sync`
// alone (the nearest existing rule: it flags every *Sync call, wherever it is), and
// configs.recommended. The figures are medians over rounds of the time ratios.
// Target: recommended ≤ 1.10 × parse-only. recommended ÷ n/no-sync is reported, without a target.
//
// When UNBLOCK_BENCH_SUMMARY names a file (bench/run.mjs sets it), the headline ratios are
// written there as JSON for the summary table.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import tsParser from '@typescript-eslint/parser';
import pluginN from 'eslint-plugin-n';

import { loadCorpus, repoRoot } from './corpus.mjs';
import { eslintFor, lintMessages } from './eslint-for.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    files: { type: 'string', default: '2000' },
    quick: { type: 'boolean', default: false },
  },
});
const rounds = values.quick ? 3 : Number(values.rounds);
const limit = values.quick ? 400 : Number(values.files);

const { default: unblock } = await import(path.join(repoRoot, 'dist', 'rules', 'index.js'));

const languageOptions = { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' };
/**
 * The same parser for n/no-sync, minus the two node maps in its parser services: eslint-plugin-n
 * 18's no-sync throws ("requires type information") on every *Sync call when
 * @typescript-eslint/parser runs without a project, because it finds the maps but no program.
 * The parse itself is the same work; only the services object handed to rules differs.
 */
const tsParserForN = {
  meta: { name: 'bench-ts-parser-without-node-maps' },
  parseForESLint(code, options) {
    const parsed = tsParser.parseForESLint(code, options);
    return { ...parsed, services: { ...parsed.services, esTreeNodeToTSNodeMap: undefined, tsNodeToESTreeNodeMap: undefined } };
  },
};
const configs = {
  'parse-only': [{ files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  'n/no-sync': [
    {
      files: ['**/*'],
      languageOptions: { ...languageOptions, parser: tsParserForN },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { n: pluginN },
      rules: { 'n/no-sync': 'error' },
    },
  ],
  recommended: [
    { files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' }, ...unblock.configs.recommended },
  ],
};

const corpus = await loadCorpus(limit);
const bytes = corpus.reduce((sum, { code }) => sum + code.length, 0);
// Each config normalised once, as `eslint .` does (eslint-for.mjs).
const eslints = Object.fromEntries(Object.entries(configs).map(([name, config]) => [name, eslintFor(config, repoRoot)]));

/**
 * Lints every file under each config, back to back and in alternating order, so that both sides
 * of a comparison see the same machine: on a shared, noisy host a burst of load lands on both.
 */
async function lintInterleaved(names, round) {
  const ns = Object.fromEntries(names.map((name) => [name, 0n]));
  const stats = Object.fromEntries(names.map((name) => [name, { reports: 0, crashes: 0, unparsable: 0 }]));
  for (const [index, { file, code }] of corpus.entries()) {
    // Rotate the order so that each config runs first, in the middle and last equally often.
    const shift = (index + round) % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) {
      const start = process.hrtime.bigint();
      try {
        const messages = await lintMessages(eslints[name], code, file);
        stats[name].reports += messages.filter((message) => message.ruleId?.startsWith('unblock/') || message.ruleId === 'n/no-sync').length;
        if (messages.some((message) => message.fatal)) stats[name].unparsable++;
      } catch {
        stats[name].crashes++;
      }
      ns[name] += process.hrtime.bigint() - start;
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ms: Number(ns[name]) / 1e6, ...stats[name] }]));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const names = ['parse-only', 'n/no-sync', 'recommended'];

// A warm-up round: JIT, parser caches and the module graph settle before timing.
const warmAll = await lintInterleaved(names, 0);
const warm = warmAll.recommended;

const ratios = { toParse: [], toNoSync: [], noSyncToParse: [] };
const times = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 1; round <= rounds; round++) {
  const result = await lintInterleaved(names, round);
  for (const name of names) times[name].push(result[name].ms);
  ratios.toParse.push(result.recommended.ms / result['parse-only'].ms);
  ratios.toNoSync.push(result.recommended.ms / result['n/no-sync'].ms);
  ratios.noSyncToParse.push(result['n/no-sync'].ms / result['parse-only'].ms);
}

const TARGET = 1.1;
const ratio = median(ratios.toParse);
const toNoSync = median(ratios.toNoSync);
const noSyncToParse = median(ratios.noSyncToParse);
const range = (list) => `${Math.min(...list).toFixed(3)}–${Math.max(...list).toFixed(3)}`;
console.log(`bench/lint: ${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, each file linted all three ways back to back`);
console.table({
  'parse-only': { 'median ms': median(times['parse-only']).toFixed(0), 'ratio to parse-only': '1.000', 'ratio to n/no-sync': '', 'range of ratios to parse-only': '' },
  'eslint-plugin-n no-sync': {
    'median ms': median(times['n/no-sync']).toFixed(0),
    'ratio to parse-only': noSyncToParse.toFixed(3),
    'ratio to n/no-sync': '1.000',
    'range of ratios to parse-only': range(ratios.noSyncToParse),
  },
  'configs.recommended': {
    'median ms': median(times.recommended).toFixed(0),
    'ratio to parse-only': ratio.toFixed(3),
    'ratio to n/no-sync': toNoSync.toFixed(3),
    'range of ratios to parse-only': range(ratios.toParse),
  },
});
console.log(
  `recommended reported ${warm.reports} blocking calls, n/no-sync ${warmAll['n/no-sync'].reports} *Sync calls; files that did not parse: ${warm.unparsable}; crashes: recommended ${warm.crashes}, n/no-sync ${warmAll['n/no-sync'].crashes}`,
);
console.log(`recommended / parse-only = ${ratio.toFixed(3)} (target ≤ ${TARGET.toFixed(2)}); recommended / n/no-sync = ${toNoSync.toFixed(3)} (range ${range(ratios.toNoSync)})`);
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
export const result = { files: corpus.length, ratio, toNoSync, noSyncToParse, crashes: warm.crashes };

if (process.env.UNBLOCK_BENCH_SUMMARY) {
  writeFileSync(
    process.env.UNBLOCK_BENCH_SUMMARY,
    JSON.stringify([
      { measure: 'lint time, configs.recommended', ratio, baseline: 'parse-only', target: `≤ ${TARGET.toFixed(2)}`, met: ratio <= TARGET },
      { measure: 'lint time, configs.recommended', ratio: toNoSync, baseline: 'eslint-plugin-n no-sync', target: '—', met: null },
    ]),
  );
}
