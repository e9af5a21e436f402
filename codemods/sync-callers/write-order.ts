// The order in which `unblock fix` should write the files this codemod rewrites: a caller's file
// before the file of the helper it now awaits. Files are written one by one, and a run can stop
// between two writes (Ctrl-C, a CI timeout, the OOM killer). Stopped after the caller, the program
// still works: `await` on a helper that is still sync only costs a microtask, and a rerun finishes
// the helper. Stopped after the helper instead, the caller would use a promise as its value, and a
// rerun could not tell that call from one left un-awaited on purpose.
// Files that await each other's helpers (a cycle) cannot all come first; they keep their order.

/**
 * `files` sorted so that for each `[before, after]` pair, `before` comes first wherever the
 * pairs leave a choice; otherwise in their given order.
 */
export function writeOrder(files: readonly string[], pairs: Iterable<readonly [before: string, after: string]>): string[] {
  const rank = new Map(files.map((file, index) => [file, index]));
  const waitingFor = new Map<string, Set<string>>(files.map((file) => [file, new Set()]));
  const unblocks = new Map<string, string[]>();
  for (const [before, after] of pairs) {
    if (before === after || !rank.has(before) || !rank.has(after)) continue;
    if (waitingFor.get(after)!.has(before)) continue;
    waitingFor.get(after)!.add(before);
    unblocks.set(before, [...(unblocks.get(before) ?? []), after]);
  }

  const order: string[] = [];
  const placed = new Set<string>();
  // Files with nothing left to wait for, kept in their given order (Kahn's algorithm).
  const ready = files.filter((file) => waitingFor.get(file)!.size === 0);
  let cursor = 0;
  while (order.length < files.length) {
    let file = ready.shift();
    if (file === undefined) {
      // A cycle: nothing is free, so take the first file not yet placed.
      while (placed.has(files[cursor]!)) cursor++;
      file = files[cursor]!;
    }
    if (placed.has(file)) continue;
    placed.add(file);
    order.push(file);
    for (const next of unblocks.get(file) ?? []) {
      const waiting = waitingFor.get(next)!;
      waiting.delete(file);
      if (waiting.size === 0 && !placed.has(next)) insertByRank(ready, next, rank);
    }
  }
  return order;
}

function insertByRank(sorted: string[], file: string, rank: ReadonlyMap<string, number>): void {
  const key = rank.get(file)!;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rank.get(sorted[middle]!)! < key) low = middle + 1;
    else high = middle;
  }
  sorted.splice(low, 0, file);
}
