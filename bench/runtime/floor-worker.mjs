// The floor: a worker that answers each message, with nothing in between.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, op, value }) => {
  parentPort.postMessage({ id, value: op === 'size' ? value.byteLength : value });
});
