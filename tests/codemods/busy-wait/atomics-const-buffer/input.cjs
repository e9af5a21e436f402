'use strict';
const gate = new Int32Array(new SharedArrayBuffer(4));

exports.poll = async function poll(check) {
  while (!(await check())) {
    Atomics.wait(gate, 0, 0, 200);
  }
};
