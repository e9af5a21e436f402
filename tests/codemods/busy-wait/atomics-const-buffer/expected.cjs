'use strict';
const { setTimeout } = require('node:timers/promises');
const gate = new Int32Array(new SharedArrayBuffer(4));

exports.poll = async function poll(check) {
  while (!(await check())) {
    await setTimeout(200);
  }
};
