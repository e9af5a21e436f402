// Follows a file another process writes, delivering its text as it grows.
//
// The traced command's stderr is a file, not a pipe: Node prints the trace with
// fprintf, and once any Node process sharing a pipe has opened it as
// process.stderr the pipe is non-blocking, so fprintf drops lines whenever the
// reader falls behind. A file never refuses a write.

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1 << 16;
const POLL_MS = 25;

export interface Tail {
  /** Reads what is left up to the end of the file, then stops and closes it. */
  readonly stop: () => Promise<void>;
}

export async function tailFile(file: string, onText: (text: string) => void): Promise<Tail> {
  const handle: FileHandle = await open(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  let position = 0;
  let stopping = false;

  /** Reads until the end of what is written so far. */
  const drain = async (): Promise<void> => {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      const text = decoder.write(buffer.subarray(0, bytesRead));
      if (text !== '') onText(text);
    }
  };

  const loop = (async () => {
    while (!stopping) {
      await drain();
      if (!stopping) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      await loop;
      await drain();
      const rest = decoder.end();
      if (rest !== '') onText(rest);
      await handle.close();
    },
  };
}
