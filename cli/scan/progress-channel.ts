// How `unblock scan` counts the files its threads have linted. ESLint's lintFiles says nothing
// until every file is done, and its workers are threads of this process: a rule that runs last on
// each file posts the file's name on a BroadcastChannel, which reaches this thread's progress bar
// whichever thread linted the file. The channel's name is the run's own.

import { BroadcastChannel } from 'node:worker_threads';

import type { ESLint, Rule } from 'eslint';

/** The rule's plugin name: not `unblock/`, so that the scan's filter drops anything it could say. */
export const PROGRESS_PLUGIN = 'unblock-progress';

/** One channel per name in each thread, kept open for the thread's life but never keeping it alive. */
const channels = new Map<string, BroadcastChannel>();

function channelNamed(name: string): BroadcastChannel {
  let channel = channels.get(name);
  if (!channel) {
    channel = new BroadcastChannel(name);
    channel.unref();
    channels.set(name, channel);
  }
  return channel;
}

const linted = (channelName: string): Rule.RuleModule => ({
  meta: { type: 'suggestion', docs: { description: 'Counts linted files for the progress display of `unblock scan`' }, schema: [] },
  create(context) {
    return {
      'Program:exit'() {
        channelNamed(channelName).postMessage(context.filename);
      },
    };
  },
});

/** The plugin whose one rule posts each linted file's name on `channelName`. */
export function progressPlugin(channelName: string): ESLint.Plugin {
  return { meta: { name: PROGRESS_PLUGIN }, rules: { linted: linted(channelName) } };
}

/** Calls `onFile` with each file a thread reports; the returned function stops listening. */
export function listenForProgress(channelName: string, onFile: (file: string) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event) => onFile(String((event as { data: unknown }).data));
  // The scan must not stay alive for the channel's sake.
  channel.unref();
  return () => channel.close();
}
