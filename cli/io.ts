// What a command reads and writes, so that tests can run the whole command line in-process
// and read what it printed, and so that no command touches `process` directly.

import { terminalProgress, type ProgressFactory } from './progress.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Draws progress for long runs; absent in tests, so their output has no escape codes. */
  readonly progress?: ProgressFactory;
  /** The environment child processes get (`unblock trace`); `process.env` when absent. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What a command's `register` gets: the io, and where to leave the exit code it decides. */
export interface CommandIo extends CliIo {
  readonly setExitCode: (code: number) => void;
}

export const processIo: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: terminalProgress(process.stderr),
};
