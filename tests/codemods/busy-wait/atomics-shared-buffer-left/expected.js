export async function waitForWorker(shared) {
  Atomics.wait(shared, 0, 0, 1000);
  return Atomics.load(shared, 0);
}
