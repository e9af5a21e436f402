export async function block() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  const result = Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  return result;
}
