// Reads files a few dozen ahead of their use, in their order. Read one at a time, each read waits
// for the thread pool and the disk while nothing else runs: on a 2,000-file scan that was a fifth
// of the wall time spent idle.

import { readFile } from 'node:fs/promises';

/** Files read at once: enough to keep the disk busy, few enough to hold little text. */
export const READS_IN_FLIGHT = 32;

export type ReadOutcome = { readonly file: string; readonly text: string } | { readonly file: string; readonly error: string };

/** Each file's text (or why it could not be read), in the order of `files`, read up to `inFlight` ahead. */
export async function* readAhead(files: readonly string[], inFlight = READS_IN_FLIGHT): AsyncGenerator<ReadOutcome> {
  const pending: Array<Promise<ReadOutcome>> = [];
  const start = (file: string): Promise<ReadOutcome> =>
    readFile(file, 'utf8').then(
      (text) => ({ file, text }),
      (error: unknown) => ({ file, error: error instanceof Error ? error.message : String(error) }),
    );
  let next = 0;
  while (next < files.length && pending.length < inFlight) pending.push(start(files[next++]!));
  while (pending.length > 0) {
    const outcome = await pending.shift()!;
    if (next < files.length) pending.push(start(files[next++]!));
    yield outcome;
  }
}
