// A progress bar for long runs in a terminal. It is injected through the CLI's
// io, so tests and piped output never see escape codes.

import cliProgress from 'cli-progress';

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

/** Starts a progress display for `total` files, or returns undefined when none is wanted. */
export type ProgressFactory = (total: number) => Progress | undefined;

/** Below this many files a run is over before a bar would be worth drawing. */
const MIN_FILES = 20;

export function terminalProgress(stream: NodeJS.WriteStream): ProgressFactory {
  return (total) => {
    if (!stream.isTTY || total <= MIN_FILES) return undefined;
    const bar = new cliProgress.SingleBar(
      { stream, format: 'unblock fix [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { file: '' });
    return {
      tick: (file) => bar.increment(1, { file }),
      stop: () => bar.stop(),
    };
  };
}
