const ready = Date.now() + 100;
while (Date.now() < ready) {}

function warmUp() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
}
warmUp();

export const answer = 42;
