// Runs the user's command with `--trace-sync-io` in NODE_OPTIONS (so every Node
// process it starts is traced), passing its output through and taking the
// warnings out of its stderr.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';

import { traceNodeOptions } from './shim.js';
import { TraceStderrFilter, type SyncWarning } from './stderr.js';
import { tailFile } from './tail.js';

export interface RunOptions {
  readonly command: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** A preload to `--require` in every traced process. */
  readonly shimPath?: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly onWarning: (warning: SyncWarning) => void;
}

export type RunResult =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly signal?: NodeJS.Signals }
  | { readonly kind: 'failed'; readonly message: string };

/** How long to wait for stdout to close after the process exits, when something it started still holds it. */
const DRAIN_MS = 2000;

/** The shell's convention for a process a signal ended: 128 + the signal's number. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/** Resolves when the process has exited and its stdout closed (or DRAIN_MS later), or failed to start. */
function waitFor(child: ChildProcess): Promise<RunResult> {
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ kind: 'failed', message: error.message }));
    child.on('exit', (code, signal) => {
      const result: RunResult = signal ? { kind: 'exited', exitCode: signalExitCode(signal), signal } : { kind: 'exited', exitCode: code ?? 0 };
      const timer = setTimeout(() => {
        child.stdout?.destroy();
        resolve(result);
      }, DRAIN_MS);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  });
}

/** Passes signals sent to us on to the child while it runs (Ctrl-C reaches both anyway); returns the undo. */
function forwardSignals(child: ChildProcess): () => void {
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

export async function runTraced(options: RunOptions): Promise<RunResult> {
  const [file, ...args] = options.command;
  const env = { ...options.env, NODE_OPTIONS: traceNodeOptions(options.env.NODE_OPTIONS, options.shimPath) };
  const dir = await mkdtemp(path.join(tmpdir(), 'unblock-trace-stderr-'));
  const stderrFile = path.join(dir, 'stderr.log');
  const writer = await open(stderrFile, 'w');
  const filter = new TraceStderrFilter(options.stderr, options.onWarning);
  const tail = await tailFile(stderrFile, (text) => filter.write(text));
  try {
    const child = spawn(file!, args, { cwd: options.cwd, env, stdio: ['inherit', 'pipe', writer.fd] });
    child.stdout?.setEncoding('utf8').on('data', (text: string) => options.stdout(text));
    const stopForwarding = forwardSignals(child);
    try {
      return await waitFor(child);
    } finally {
      stopForwarding();
    }
  } finally {
    await tail.stop();
    filter.end();
    await writer.close();
    await rm(dir, { recursive: true, force: true });
  }
}
