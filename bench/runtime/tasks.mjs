// The work every contender runs, kept trivial so the numbers measure the
// crossing to the worker and back, not the task.

export function echo(value) {
  return value;
}

export function size(bytes) {
  return bytes.byteLength;
}

// piscina calls one function with one argument; `name` picks the export.
export default echo;
