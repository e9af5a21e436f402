// Every codemod `unblock fix` can run, in the order it runs them: the per-file codemods on each
// file, then the whole-program ones over all files with the per-file outputs as their input.
// Each lives in its own folder: codemods/<name>/{transform.ts,README.md}.

import { asyncApi } from './async-api/transform.js';
import { busyWait } from './busy-wait/transform.js';
import type { Codemod, ProgramCodemod } from './engine/types.js';
import { syncCallers } from './sync-callers/transform.js';

export const CODEMODS: readonly Codemod[] = [asyncApi, busyWait];

export const PROGRAM_CODEMODS: readonly ProgramCodemod[] = [syncCallers];

export function codemodNames(): string[] {
  return [...CODEMODS, ...PROGRAM_CODEMODS].map((codemod) => codemod.name);
}
