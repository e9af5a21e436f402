// Instructions a command executes, counted by valgrind's callgrind: for `cold.mjs --instructions`.
// CPU time on a shared 2-CPU host moves by ±5 % from one set of runs to the next, even with both
// configs run side by side; an instruction count does not depend on what else the host runs, so
// one run of each config tells the ratio to within about 2 % (what is left comes from V8: when the
// garbage collector and the optimising compiler run, and on which thread). It is not CPU time: a
// cache miss counts as one instruction. Under callgrind a cold lint of 500 files takes 6–10 minutes.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

/** Whether valgrind is on the PATH. */
export function hasValgrind() {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The total `I refs` of callgrind's summary on stderr: `==123== I   refs:      51,336,030,058`. */
export function instructionsFrom(stderr) {
  const match = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (!match) throw new Error(`no instruction count in valgrind's output:\n${stderr.split('\n').slice(-5).join('\n')}`);
  return Number(match[1].replaceAll(',', ''));
}

/**
 * Runs `node <args>` under callgrind and resolves to `{ instructions, stdout }`. JIT code is
 * counted too: `--smc-check=all-non-file` makes valgrind see code V8 writes at run time.
 */
export async function countInstructions(args, { maxBuffer = 1 << 24 } = {}) {
  const { stdout, stderr } = await promisify(execFile)(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, ...args],
    { encoding: 'utf8', maxBuffer },
  );
  return { instructions: instructionsFrom(stderr), stdout };
}
