// What the sync-callers codemod takes and gives: the engine's program-codemod vocabulary.

export type { ProgramCodemod, ProgramOptions, ProgramResult } from '../engine/types.js';
