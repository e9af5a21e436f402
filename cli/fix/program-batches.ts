// The whole-program codemod runs over batches of the program's parts (ProgramScope.parts) rather
// than over one program of all of them: a part is self-contained, so a batch is a program of its
// own, and only one batch is parsed at a time. Each program loads TypeScript's and Node's
// declarations again, so the parts are packed into batches up to a heap budget, not run one by one.

import type { ProgramPart } from './program-scope.js';

/**
 * Estimated heap of one batch, at most, unless one part alone is larger: enough for thousands of
 * small files, small enough that a tree ten times larger keeps the same peak.
 */
export const BATCH_HEAP_BYTES = 256 * 2 ** 20;

/** `parts` packed in order into batches whose `cost` stays within `budget`; a part never splits. */
export function packBatches(parts: readonly ProgramPart[], cost: (part: ProgramPart) => number, budget = BATCH_HEAP_BYTES): ProgramPart[] {
  const batches: ProgramPart[] = [];
  let batch: { editable: string[]; readOnly: string[]; context: string[]; parsed: string[] } | undefined;
  let spent = 0;
  for (const part of parts) {
    const partCost = cost(part);
    if (!batch || spent + partCost > budget) {
      batch = { editable: [], readOnly: [], context: [], parsed: [] };
      batches.push(batch);
      spent = 0;
    }
    batch.editable.push(...part.editable);
    batch.readOnly.push(...part.readOnly);
    batch.context.push(...part.context);
    batch.parsed.push(...part.parsed);
    spent += partCost;
  }
  return batches;
}
