// One thread of `unblock scan --concurrency`: lints the chunks of files the main thread hands it,
// one chunk at a time, and says which file it is on (for the progress display). Its ESLint, and
// the module summaries the rules build, live as long as the thread: a chunk is a run of files that
// sit together on disk, so the helpers they import are summarised once, here. The thread starts
// before the files are found (lint-threads.ts): loading ESLint and the plugin is what it does
// until its settings come.

import { parentPort } from 'node:worker_threads';

import { ESLint } from 'eslint';

import { parserLanguageOptions } from '../../analysis/parser-options.js';
import { scanEslintOptions } from './eslint-options.js';
import { lintInOrder } from './lint-in-order.js';
import type { ThreadReply, ThreadRequest } from './lint-threads.js';

const port = parentPort;
if (!port) throw new Error('lint-thread.js runs as a worker thread of unblock scan');
let eslint: ESLint | undefined;
// The parser, and TypeScript with it, load now, while the main thread is still finding the files.
parserLanguageOptions();

port.on('message', (request: ThreadRequest) => {
  if (request.kind === 'settings') {
    eslint = new ESLint(scanEslintOptions(request.settings));
    return;
  }
  if (request.kind === 'exit') {
    port.close();
    return;
  }
  if (!eslint) throw new Error('a scan thread was given files before its settings');
  void lintChunk(eslint, request.files).then((reply) => port.postMessage(reply));
});

async function lintChunk(linter: ESLint, files: readonly string[]): Promise<ThreadReply> {
  const linted = await lintInOrder(linter, files, (file) => port!.postMessage({ kind: 'file', file } satisfies ThreadReply));
  return { kind: 'chunk', ...linted };
}
