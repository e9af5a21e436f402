// Where a function was sent to a worker from. A function that uses a variable of the scope it
// was written in fails in the worker, with a stack of worker frames that says nothing of the
// `offload` call that sent it; the FreeVariableError it rejects with gets that call's frames too,
// as an async stack trace would show them. Taking a stack costs microseconds, more than a task's
// round trip, so it is taken once per function, when the runtime first meets it: the frames are
// those of the first call that sent it.

import { fileURLToPath } from 'node:url';

/** The runtime's own directory: its frames (offload, submit) are left out of a call site. */
const RUNTIME_DIRECTORY = fileURLToPath(new URL('.', import.meta.url));

/** The stack at a call, formatted only when read. */
export interface CallSite {
  readonly stack?: string;
}

export function captureCallSite(): CallSite {
  const site: { stack?: string } = {};
  Error.captureStackTrace(site, captureCallSite);
  return site;
}

/** `error`, its stack followed by the frames of the call that sent the function, outside the runtime. */
export function withCallSite<E extends Error>(error: E, site: CallSite): E {
  const frames = (site.stack ?? '').split('\n').slice(1);
  const first = frames.findIndex((frame) => !frame.includes(RUNTIME_DIRECTORY) && !frame.includes(RUNTIME_DIRECTORY.replace(/\\/g, '/')));
  if (first < 0) return error;
  error.stack = `${error.stack ?? `${error.name}: ${error.message}`}\n${frames.slice(first).join('\n')}`;
  return error;
}
