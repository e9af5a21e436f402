#!/usr/bin/env node
// bench/lint: what unblock's rules cost on top of the parse ESLint does anyway.
// Each round lints every file of the corpus twice, back to back: parse-only (parser, scope
// analysis, ESLint's traversal, no rules) and configs.recommended. The figure is the median
// over rounds of the time ratio. Target: recommended ≤ 1.10 × parse-only.
import path from 'node:path';
import { parseArgs } from 'node:util';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { loadCorpus, repoRoot } from './corpus.mjs';

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
const configs = {
  'parse-only': [{ files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  recommended: [
    { files: ['**/*'], languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off' }, ...unblock.configs.recommended },
  ],
};

const corpus = await loadCorpus(limit);
const bytes = corpus.reduce((sum, { code }) => sum + code.length, 0);
const linter = new Linter({ configType: 'flat', cwd: repoRoot });

/**
 * Lints every file under each config, back to back and in alternating order, so that both sides
 * of a comparison see the same machine: on a shared, noisy host a burst of load lands on both.
 */
function lintInterleaved(names, round) {
  const ns = Object.fromEntries(names.map((name) => [name, 0n]));
  const stats = Object.fromEntries(names.map((name) => [name, { reports: 0, crashes: 0, unparsable: 0 }]));
  corpus.forEach(({ file, code }, index) => {
    const order = (index + round) % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = process.hrtime.bigint();
      try {
        const messages = linter.verify(code, configs[name], file);
        stats[name].reports += messages.filter((message) => message.ruleId?.startsWith('unblock/')).length;
        if (messages.some((message) => message.fatal)) stats[name].unparsable++;
      } catch {
        stats[name].crashes++;
      }
      ns[name] += process.hrtime.bigint() - start;
    }
  });
  return Object.fromEntries(names.map((name) => [name, { ms: Number(ns[name]) / 1e6, ...stats[name] }]));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const names = ['parse-only', 'recommended'];

// A warm-up round: JIT, parser caches and the module graph settle before timing.
const warm = lintInterleaved(names, 0).recommended;

const ratios = [];
const times = { 'parse-only': [], recommended: [] };
for (let round = 1; round <= rounds; round++) {
  const result = lintInterleaved(names, round);
  for (const name of names) times[name].push(result[name].ms);
  ratios.push(result.recommended.ms / result['parse-only'].ms);
}

const ratio = median(ratios);
console.log(`bench/lint: ${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, each file linted both ways back to back`);
console.table({
  'parse-only': { 'median ms': median(times['parse-only']).toFixed(0), 'ratio to parse-only': '1.000' },
  'configs.recommended': {
    'median ms': median(times.recommended).toFixed(0),
    'ratio to parse-only': ratio.toFixed(3),
    'range of ratios': `${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`,
  },
});
console.log(`recommended reported ${warm.reports} blocking calls; files that did not parse: ${warm.unparsable}; rule crashes: ${warm.crashes}; target ratio ≤ 1.10`);
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
export const result = { files: corpus.length, ratio, crashes: warm.crashes };
