// One thread of `unblock scan --concurrency`: lints the chunks of files the main thread hands it,
// one chunk at a time, and says which file it is on (for the progress display). Its ESLint, and
// the module summaries the rules build, live as long as the thread: a chunk is a run of files that
// sit together on disk, so the helpers they import are summarised once, here.

import { parentPort, workerData } from 'node:worker_threads';

import { ESLint } from 'eslint';

import { scanEslintOptions, type ScanEslintSettings } from './eslint-options.js';
import { lintInOrder } from './lint-in-order.js';
import type { ThreadReply, ThreadRequest } from './lint-threads.js';

const port = parentPort;
if (!port) throw new Error('lint-thread.js runs as a worker thread of unblock scan');
const eslint = new ESLint(scanEslintOptions(workerData as ScanEslintSettings));

port.on('message', (request: ThreadRequest) => {
  if (request.kind === 'exit') {
    port.close();
    return;
  }
  void lintChunk(request.files).then((reply) => port.postMessage(reply));
});

async function lintChunk(files: readonly string[]): Promise<ThreadReply> {
  const linted = await lintInOrder(eslint, files, (file) => port!.postMessage({ kind: 'file', file } satisfies ThreadReply));
  return { kind: 'chunk', ...linted };
}
