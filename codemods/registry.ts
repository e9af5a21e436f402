// Every codemod `unblock fix` can run, in the order it runs them: the per-file codemods on each
// file, then the whole-program ones over all files with the per-file outputs as their input.
// Each lives in its own folder: codemods/<name>/{transform.ts,README.md}.

import { missingPeer } from '../analysis/optional-peers.js';
import { asyncApi } from './async-api/transform.js';
import { busyWait } from './busy-wait/transform.js';
import type { Codemod, ProgramCodemod } from './engine/types.js';

export const CODEMODS: readonly Codemod[] = [asyncApi, busyWait];

/**
 * A whole-program codemod, named here and loaded when a run includes it: sync-callers reads the
 * program with ts-morph, an optional peer dependency that a project that only lints never installs.
 */
export interface ProgramCodemodEntry {
  readonly name: string;
  load(): Promise<ProgramCodemod>;
}

export const PROGRAM_CODEMODS: readonly ProgramCodemodEntry[] = [
  {
    name: 'sync-callers',
    async load() {
      try {
        return (await import('./sync-callers/transform.js')).syncCallers;
      } catch (error) {
        throw missingPeer(error, 'ts-morph', `the sync-callers codemod (leave it out with --codemod ${CODEMODS.map((codemod) => codemod.name).join(',')})`) ?? error;
      }
    },
  },
];

export function codemodNames(): string[] {
  return [...CODEMODS, ...PROGRAM_CODEMODS].map((codemod) => codemod.name);
}
