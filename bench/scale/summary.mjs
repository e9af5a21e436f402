// The scale bench's rows for bench/run.mjs's summary table (`{ measure, ratio, baseline, target, met }`),
// all from the generated trees: how scan's and fix's time and memory grow from the smallest tree to
// the largest, and what each other mode costs against one-thread scan on the largest. No targets:
// issue 14 asks for the figures; the RSS ceiling is the CI test's (tests/bench/scale.test.ts).
import { BASELINE } from './modes.mjs';

export function summaryRows(results) {
  const measured = results.filter((row) => row.generated && !row.na);
  const completed = measured.filter((row) => !row.crashed);
  if (measured.length === 0) return [];
  const smallest = Math.min(...measured.map((row) => row.files));
  const largest = Math.max(...measured.map((row) => row.files));
  const at = (files, mode) => completed.find((row) => row.files === files && row.mode === mode);
  const count = (files) => files.toLocaleString('en-US');
  const rows = [];
  const add = (measure, ratio, baseline) => rows.push({ measure, ratio, baseline, target: '—', met: null });
  // A mode that crashed on a tree is the row to see first (the bench's own table has its time and
  // memory; the summary's key must not change from run to run, so they are left out here).
  for (const row of measured.filter((other) => other.crashed)) {
    rows.push({ measure: `${row.mode}, ${count(row.files)} files`, ratio: NaN, baseline: row.crashed, target: 'completes', met: false });
  }
  if (largest > smallest) {
    for (const mode of [BASELINE, 'fix --dry']) {
      const [big, small] = [at(largest, mode), at(smallest, mode)];
      if (!big || !small) continue;
      add(`${mode} time, ${count(largest)} files`, big.seconds / small.seconds, `${count(smallest)} files (linear: ${(largest / smallest).toFixed(1)})`);
      add(`${mode} peak RSS, ${count(largest)} files`, big.rssMiB / small.rssMiB, `${count(smallest)} files`);
    }
  }
  const base = at(largest, BASELINE);
  for (const row of completed.filter((other) => other.files === largest && other.mode !== BASELINE)) {
    if (!base) break;
    add(`${row.mode} time, ${count(largest)} files`, row.seconds / base.seconds, `${BASELINE}, same tree`);
    add(`${row.mode} peak RSS, ${count(largest)} files`, row.rssMiB / base.rssMiB, `${BASELINE}, same tree`);
  }
  return rows;
}
