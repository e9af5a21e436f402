// A progress bar for long runs in a terminal. It is injected through the CLI's
// io, so tests and piped output never see escape codes.

import cliProgress from 'cli-progress';

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

/** Starts a progress display for `total` files of `command` (`unblock fix`), or returns undefined when none is wanted. */
export type ProgressFactory = (total: number, command?: string) => Progress | undefined;

/** Below this many files a run is over before a bar would be worth drawing. */
const MIN_FILES = 20;
/** Above this many, a run takes long enough that its pace and what is left are worth showing. */
const LONG_RUN_FILES = 1000;

/** The pace so far and the files still to do, as the bar shows them on a long run. */
export function pace(done: number, total: number, elapsedMs: number): { readonly rate: string; readonly left: number } {
  const perSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return { rate: perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1), left: Math.max(0, total - done) };
}

export function terminalProgress(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): ProgressFactory {
  return (total, command = 'unblock') => {
    if (!stream.isTTY || total <= MIN_FILES) return undefined;
    const long = total > LONG_RUN_FILES;
    const format = long ? `${command} [{bar}] {value}/{total}, {rate} files/s, {left} left {file}` : `${command} [{bar}] {value}/{total} {file}`;
    const bar = new cliProgress.SingleBar({ stream, format, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
    const start = now();
    let done = 0;
    bar.start(total, 0, { file: '', ...(long ? pace(0, total, 0) : {}) });
    return {
      tick: (file) => {
        done++;
        bar.increment(1, { file, ...(long ? pace(done, total, now() - start) : {}) });
      },
      stop: () => bar.stop(),
    };
  };
}
