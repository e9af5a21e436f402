/**
 * Code that talks to `parentPort`, reads `workerData` or branches on `isMainThread` (a file that
 * starts itself as a worker) runs in a worker thread, where blocking is the point. A text check
 * is enough: the names are specific to `worker_threads`. So is a `*.worker.js` name, the
 * convention for a file that is only ever a worker's script.
 */
export function isWorkerThreadFile(text: string, filename?: string): boolean {
  if (filename !== undefined && WORKER_SCRIPT_NAME.test(filename)) return true;
  return text.includes('worker_threads') && (text.includes('parentPort') || text.includes('workerData') || text.includes('isMainThread'));
}

const WORKER_SCRIPT_NAME = /\.worker\.[cm]?[jt]sx?$/;
