/**
 * Code that talks to `parentPort` or reads `workerData` runs in a worker thread, where blocking
 * is the point. A text check is enough: both names are specific to `worker_threads`.
 */
export function isWorkerThreadFile(text: string): boolean {
  return text.includes('worker_threads') && (text.includes('parentPort') || text.includes('workerData'));
}
