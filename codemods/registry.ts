// Every codemod `unblock fix` can run, in the order it runs them.
// Each lives in its own folder: codemods/<name>/{transform.ts,README.md}.

import { asyncApi } from './async-api/transform.js';
import { busyWait } from './busy-wait/transform.js';
import type { Codemod } from './engine/types.js';

export const CODEMODS: readonly Codemod[] = [asyncApi, busyWait];

export function codemodNames(): string[] {
  return CODEMODS.map((codemod) => codemod.name);
}
