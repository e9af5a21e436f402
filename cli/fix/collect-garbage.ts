// A full garbage collection, on purpose. When the analysis ends and when a batch of the
// whole-program codemod is done, everything they parsed is garbage; left to itself, V8 grows the
// heap for the next batch before it collects the last one, and the peak memory grows with the
// number of batches (bench/codemod/fix-scale: 750 MB against 540 MB on 21,000 files). Collecting
// between them keeps the peak at one batch's worth, for a few hundred milliseconds a batch.

import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    try {
      // `gc` is only exposed with --expose-gc; set now, it is exposed to contexts made after.
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      // A runtime that refuses the flag (or names the function otherwise) collects on its own schedule: only the peak is higher.
      gc = () => undefined;
    }
  }
  gc();
}
