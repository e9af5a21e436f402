// `unblock fix` killed part-way, as a child process: with SIGINT (Ctrl-C) and SIGKILL (the OOM
// killer, a CI timeout), at a random moment after its first write and in the middle of a write.
// Every file must be either the original or what a completed run writes, never a mix. SIGKILL may
// leave writeFileAtomic's recognisable temporary file behind; SIGINT must let the write in progress
// finish, leave nothing, and exit 130.
// The heavy version (3000 files, more kills) is `npm run robustness:fix`.

import { rmSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  classifyTree,
  completedOutputs,
  describeTrial,
  fixCommand,
  handledGracefully,
  killTrial,
  readTree,
  runInProcess,
  tempDir,
  writeTree,
  type KillMoment,
  type KillSignal,
  type KillTrial,
  type Tree,
} from '../../scripts/robustness/fix-harness.js';
import { callerPairs, pairFiles, random, writeGeneratedProject } from '../../scripts/robustness/fix-templates.js';

const FILES = 300;
const PAIRS = 20;
const seed = Number(process.env['ROBUSTNESS_SEED'] ?? Date.now() % 1_000_000);
const next = random(seed);
const command = fixCommand();
const pairs = pairFiles(PAIRS);

let original: Tree;
let completed: Tree;
const dirs: string[] = [];
const trials: KillTrial[] = [];
/** Where each trial ran, for a rerun on what it left. */
const trialRoots = new Map<KillTrial, string>();

function scratch(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const base = scratch('kill-base');
  writeGeneratedProject(base, { count: FILES - 2 * PAIRS, pairs: PAIRS, seed, maxPaddingLines: 20 });
  original = await readTree(base);
  // What a completed run writes: the CLI run to the end on an identical copy.
  completed = await completedOutputs(original);
  // Every run analyses all files before its first write, so each trial costs a whole analysis:
  // two at a time, a SIGKILL trial beside a SIGINT one.
  const sigint = moments();
  const queue = moments().flatMap((moment, index): Array<[KillSignal, KillMoment]> => [
    ['SIGKILL', moment],
    ['SIGINT', sigint[index]!],
  ]);
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await trial(...job);
    }),
  );
}, 600_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A short delay after the first write, a kill in the middle of the n-th write, and one more of either. */
function moments(): KillMoment[] {
  const write = (): KillMoment => ({ kind: 'temp-file', n: 1 + Math.floor(next() * completed.size * 0.9) });
  return [{ kind: 'delay', ms: Math.floor(next() * 300) }, write(), next() < 0.5 ? { kind: 'delay', ms: Math.floor(next() * 300) } : write()];
}

async function trial(signal: KillSignal, moment: KillMoment): Promise<KillTrial> {
  const root = scratch('kill');
  await writeTree(root, original);
  const result = await killTrial({ command, root, original, completed, signal, moment, pairs, timeoutMs: 150_000 });
  trials.push(result);
  trialRoots.set(result, root);
  return result;
}

function expectNeverTorn(result: KillTrial): void {
  const detail = `seed ${seed}, ${command.label}: ${describeTrial(result)}\n${result.stderr.slice(0, 2000)}`;
  expect(result.state.torn, detail).toEqual([]);
  expect(result.state.missing, detail).toEqual([]);
  expect(result.state.strayFiles, detail).toEqual([]);
  expect(result.state.new + result.state.old + result.state.untouched, detail).toBe(original.size);
  // One write at a time: at most one temporary file, holding (part of) the new text.
  expect(result.state.tempFiles.length, detail).toBeLessThanOrEqual(1);
  // Callers are written before the helpers they await: no stop leaves a caller un-awaited.
  expect(result.state.halfDone, detail).toEqual([]);
  for (const temp of result.state.tempFiles) expect(['new', 'prefix-of-new'], detail).toContain(temp.content);
}

describe(`unblock fix killed mid-run (${FILES} generated files, ${command.label} bin)`, () => {
  it('the generated project has plenty to rewrite', () => {
    expect(completed.size).toBeGreaterThan(FILES * 0.8);
  });

  for (const signal of ['SIGKILL', 'SIGINT'] as const) {
    it(`${signal}: every file is the old or the new version, and only a temp file can be left`, () => {
      const results = trials.filter((result) => result.signal === signal);
      expect(results).toHaveLength(3);
      for (const result of results) expectNeverTorn(result);
      // A trial that finished before the signal proves nothing about kills: most must land mid-run.
      expect(results.filter((result) => !result.finishedFirst).length, results.map(describeTrial).join('\n')).toBeGreaterThanOrEqual(2);
    });
  }

  // Found here (docs/robustness.md, finding 1): Ctrl-C used to kill fix at once, leaving the temp
  // file of a write in progress. Now the write finishes, nothing more is written, and it exits 130.
  it('SIGINT: finishes the current write, leaves no temp file and exits 130', () => {
    const interrupted = trials.filter((result) => result.signal === 'SIGINT' && !result.finishedFirst);
    expect(interrupted.length).toBeGreaterThan(0);
    for (const result of interrupted) expect(handledGracefully(result), describeTrial(result)).toBe(true);
  });

  // A rerun on what SIGKILL left ends where an uninterrupted run ends, and removes the temp file.
  it('SIGKILL: a rerun finishes the job and removes the temp file a kill left', async () => {
    const killed = trials.filter((result) => result.signal === 'SIGKILL' && !result.finishedFirst);
    expect(killed.length).toBeGreaterThan(0);
    for (const result of killed) {
      const root = trialRoots.get(result)!;
      const rerun = await runInProcess(['fix', '--force', '.'], root);
      const state = await classifyTree(root, original, completed, pairs);
      const detail = `${describeTrial(result)}\n${rerun.stderr.slice(0, 2000)}`;
      expect({ old: state.old, torn: state.torn, temps: state.tempFiles.length, halfDone: state.halfDone }, detail).toEqual({ old: 0, torn: [], temps: 0, halfDone: [] });
      expect(rerun.stderr.includes('temporary file'), detail).toBe(result.state.tempFiles.length > 0);
    }
  }, 300_000);

  // Found here (docs/robustness.md, finding 3): sync-callers rewrites a helper and its callers in
  // different files, and the files used to be written in path order. Stopped after the helper's
  // module and before the caller's, the caller used a promise as a string, and a rerun did not add
  // the `await`. Callers are now written first; stopped between the two, a rerun finishes the job.
  it("a rerun finishes a run stopped between a caller's module and its helper's", async () => {
    const root = scratch('half-done');
    const tree: Tree = new Map(callerPairs(1).map((file) => [file.file, Buffer.from(file.text)]));
    const done = await completedOutputs(tree);
    const [[callee, caller]] = pairFiles(1) as [[string, string]];
    expect(done.has(callee) && done.has(caller)).toBe(true);
    // What a stop between the two writes leaves now: the caller's module new, the helper's old.
    await writeTree(root, new Map([...tree, [caller, done.get(caller)!]]));

    await runInProcess(['fix', '--force', '.'], root);
    const after = await readTree(root);
    expect(after.get(callee)?.toString('utf8')).toBe(done.get(callee)!.toString('utf8'));
    expect(after.get(caller)?.toString('utf8')).toBe(done.get(caller)!.toString('utf8'));
  }, 60_000);
});
