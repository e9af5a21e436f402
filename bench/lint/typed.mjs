#!/usr/bin/env node
// bench/lint/typed: what configs['recommended-type-checked'] costs beside a typed run with only
// @typescript-eslint/no-floating-promises, on this repository's own TypeScript (a real program
// with a tsconfig). Each run is its own process, so peak memory is reported per config; runs
// alternate so that machine noise lands on both. Target: ≤ 1.2× the no-floating-promises run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, quick: { type: 'boolean', default: false } } });
const rounds = values.quick ? 2 : Number(values.rounds);
const runner = path.join(import.meta.dirname, 'typed-run.mjs');
const names = ['floating-promises', 'recommended-type-checked'];

function run(name) {
  const child = spawnSync(process.execPath, [runner, name], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${name} run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const samples = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? names : [...names].reverse()) samples[name].push(run(name));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const base = median(samples['floating-promises'].map((s) => s.ms));
const rows = Object.fromEntries(
  names.map((name) => {
    const list = samples[name];
    return [
      name,
      {
        files: list[0].files,
        'median ms': median(list.map((s) => s.ms)).toFixed(0),
        'ratio to no-floating-promises': (median(list.map((s) => s.ms)) / base).toFixed(3),
        'peak RSS MB': Math.max(...list.map((s) => s.maxRssMb)).toFixed(0),
        reports: list[0].reports,
        'parse errors': list[0].fatal,
      },
    ];
  }),
);
console.log(`bench/lint/typed: ${rounds} rounds, each config in its own process per round`);
console.table(rows);
const ratio = Number(rows['recommended-type-checked']['ratio to no-floating-promises']);
console.log(`recommended-type-checked / no-floating-promises = ${ratio.toFixed(3)} (target ≤ 1.20)`);
