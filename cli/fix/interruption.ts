// Ctrl-C during `unblock fix` must not leave a write half done. While a run is in progress,
// SIGINT and SIGTERM only ask it to stop: the write in flight finishes (temp file, fsync,
// rename), no further file is written, and the command exits 130 after its summary.

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface Interruption {
  /** The signal that asked the run to stop, once one has. */
  readonly signal: string | undefined;
  /** Puts the default handling back. */
  dispose(): void;
}

export function catchInterruption(): Interruption {
  let signal: string | undefined;
  const onSignal = (received: NodeJS.Signals): void => {
    if (signal !== undefined) {
      // A second Ctrl-C means now: the default handling, at once.
      dispose();
      process.kill(process.pid, received);
      return;
    }
    signal = received;
  };
  const dispose = (): void => {
    for (const name of SIGNALS) process.off(name, onSignal);
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    get signal() {
      return signal;
    },
    dispose,
  };
}
