#!/usr/bin/env node
// `npm run bench`: every benchmark in turn. Each prints ratios against a baseline measured in the
// same run, never absolute claims; `--quick` is passed through for a short run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const benches = [
  ['lint', 'bench/lint/index.mjs'],
  ['lint typed', 'bench/lint/typed.mjs'],
  ['runtime', 'bench/runtime/index.mjs'],
  ['runtime soak', 'bench/runtime/soak.mjs'],
  ['runtime defaults', 'bench/runtime/defaults.mjs'],
  ['runtime monitor overhead', 'bench/runtime/monitor-overhead.mjs'],
];
const root = path.resolve(import.meta.dirname, '..');
const passThrough = process.argv.slice(2);
let failed = false;
for (const [name, script] of benches) {
  if (!existsSync(path.join(root, script))) {
    console.log(`bench/${name}: not present, skipped`);
    continue;
  }
  console.log(`\n━━ bench/${name} ━━`);
  const result = spawnSync(process.execPath, ['--expose-gc', script, ...passThrough], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench/${name} exited with status ${result.status}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
