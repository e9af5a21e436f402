export async function throttle(items) {
  for (const item of items) {
    await item.save();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}
