// Every error the runtime creates itself lives here, each with a stable `code`
// so that callers can branch on `err.code` instead of parsing messages.
// Each class sets `name` on its prototype in a static block, not as an instance
// field, so that it is already in place when V8 formats the stack header.

import { errorHeadline } from './error-headline.js';

export const ERROR_CODES = {
  INVALID_OPTION: 'ERR_UNBLOCK_INVALID_OPTION',
  INVALID_ARGUMENT: 'ERR_UNBLOCK_INVALID_ARGUMENT',
  QUEUE_FULL: 'ERR_UNBLOCK_QUEUE_FULL',
  EXECUTOR_CLOSED: 'ERR_UNBLOCK_EXECUTOR_CLOSED',
  ABORTED: 'ERR_UNBLOCK_ABORTED',
  WORKER_EXITED: 'ERR_UNBLOCK_WORKER_EXITED',
  WORKER_CRASHED: 'ERR_UNBLOCK_WORKER_CRASHED',
  WORKER_OUT_OF_MEMORY: 'ERR_UNBLOCK_WORKER_OUT_OF_MEMORY',
  WORKER_START_FAILED: 'ERR_UNBLOCK_WORKER_START_FAILED',
  ARGUMENT_NOT_CLONEABLE: 'ERR_UNBLOCK_ARGUMENT_NOT_CLONEABLE',
  RESULT_NOT_CLONEABLE: 'ERR_UNBLOCK_RESULT_NOT_CLONEABLE',
  THROWN_VALUE_NOT_CLONEABLE: 'ERR_UNBLOCK_THROWN_VALUE_NOT_CLONEABLE',
  FREE_VARIABLE: 'ERR_UNBLOCK_FREE_VARIABLE',
  FUNCTION_NOT_PORTABLE: 'ERR_UNBLOCK_FUNCTION_NOT_PORTABLE',
  CODEGEN_DISALLOWED: 'ERR_UNBLOCK_CODEGEN_DISALLOWED',
  INVALID_MODULE_URL: 'ERR_UNBLOCK_INVALID_MODULE_URL',
  EXPORT_NOT_FUNCTION: 'ERR_UNBLOCK_EXPORT_NOT_FUNCTION',
} as const;

export type UnblockErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** An executor option has the wrong type or range. `option` names it. */
export class InvalidOptionError extends TypeError {
  static {
    this.prototype.name = 'InvalidOptionError';
  }
  readonly code = ERROR_CODES.INVALID_OPTION;
  readonly option: string;
  constructor(option: string, expected: string, received: unknown) {
    super(`option \`${option}\` must be ${expected}; received ${describe(received)}`);
    this.option = option;
  }
}

/** A call received an argument of the wrong kind (not an option). */
export class InvalidArgumentError extends TypeError {
  static {
    this.prototype.name = 'InvalidArgumentError';
  }
  readonly code = ERROR_CODES.INVALID_ARGUMENT;
}

/** `maxQueue` tasks are already waiting: shed this one now rather than grow memory. */
export class QueueFullError extends Error {
  static {
    this.prototype.name = 'QueueFullError';
  }
  readonly code = ERROR_CODES.QUEUE_FULL;
  readonly maxQueue: number;
  constructor(executorName: string, maxQueue: number) {
    super(`executor "${executorName}" has ${maxQueue} task(s) waiting (maxQueue); the task was rejected without running`);
    this.maxQueue = maxQueue;
  }
}

/** Work was submitted after `close()`, or was still waiting when `close()` ran. */
export class ExecutorClosedError extends Error {
  static {
    this.prototype.name = 'ExecutorClosedError';
  }
  readonly code = ERROR_CODES.EXECUTOR_CLOSED;
  constructor(executorName: string, detail: string) {
    super(`executor "${executorName}" is closed: ${detail}`);
  }
}

/** Where a task was when its AbortSignal fired. */
export type AbortPhase = 'queued' | 'running' | 'finished';

const ABORT_MESSAGES: Record<AbortPhase, string> = {
  queued: 'the task was aborted before it started; it never ran',
  running: 'the task was aborted while running; its worker was terminated and replaced',
  finished: 'the task was aborted after it had finished; its result was discarded',
};

/** The task's AbortSignal fired. `cause` is the signal's reason; `phase` says whether the task had run. */
export class AbortError extends Error {
  static {
    this.prototype.name = 'AbortError';
  }
  readonly code = ERROR_CODES.ABORTED;
  readonly phase: AbortPhase;
  constructor(reason: unknown, phase: AbortPhase) {
    super(ABORT_MESSAGES[phase], { cause: reason });
    this.phase = phase;
  }
}

/** The worker running the task called `process.exit()` (or was ended from inside). */
export class WorkerExitedError extends Error {
  static {
    this.prototype.name = 'WorkerExitedError';
  }
  readonly code = ERROR_CODES.WORKER_EXITED;
  readonly exitCode: number;
  constructor(task: string, exitCode: number) {
    super(`the worker running ${task} exited with code ${exitCode}; the worker was replaced`);
    this.exitCode = exitCode;
  }
}

/** An error escaped the task (e.g. thrown from a timer it started) and killed its worker. */
export class WorkerCrashedError extends Error {
  static {
    this.prototype.name = 'WorkerCrashedError';
  }
  readonly code = ERROR_CODES.WORKER_CRASHED;
  constructor(task: string, cause: unknown) {
    super(`the worker running ${task} crashed with an uncaught ${errorHeadline(cause)}; the worker was replaced`, { cause });
  }
}

/** The worker hit `resourceLimits` while running the task. */
export class WorkerOutOfMemoryError extends Error {
  static {
    this.prototype.name = 'WorkerOutOfMemoryError';
  }
  readonly code = ERROR_CODES.WORKER_OUT_OF_MEMORY;
  constructor(task: string, cause: unknown) {
    super(`the worker running ${task} ran out of memory (see the executor's resourceLimits); the worker was replaced`, { cause });
  }
}

/** A worker died before it could take any work, e.g. a bad execArgv or loader. */
export class WorkerStartError extends Error {
  static {
    this.prototype.name = 'WorkerStartError';
  }
  readonly code = ERROR_CODES.WORKER_START_FAILED;
  constructor(executorName: string, cause: unknown) {
    super(`executor "${executorName}" could not start a worker: ${errorHeadline(cause)}`, { cause });
  }
}

/** An argument cannot be structured-cloned (functions, symbols, sockets…). */
export class ArgumentNotCloneableError extends Error {
  static {
    this.prototype.name = 'ArgumentNotCloneableError';
  }
  readonly code = ERROR_CODES.ARGUMENT_NOT_CLONEABLE;
  constructor(task: string, cause: unknown) {
    super(
      `the arguments of ${task} cannot be sent to a worker (${errorHeadline(cause)}); ` +
        'pass plain data: objects, arrays, strings, numbers, typed arrays, Map, Set, Date',
      { cause },
    );
  }
}

/** The task's result cannot come back, or would come back stripped of its class. */
export class ResultNotCloneableError extends Error {
  static {
    this.prototype.name = 'ResultNotCloneableError';
  }
  readonly code = ERROR_CODES.RESULT_NOT_CLONEABLE;
  constructor(message: string) {
    super(message);
  }
}

/** The task threw something that is neither an Error nor cloneable (a function, a symbol…). */
export class ThrownValueNotCloneableError extends Error {
  static {
    this.prototype.name = 'ThrownValueNotCloneableError';
  }
  readonly code = ERROR_CODES.THROWN_VALUE_NOT_CLONEABLE;
}

/** An offloaded function used a variable from the scope it was written in. */
export class FreeVariableError extends ReferenceError {
  static {
    this.prototype.name = 'FreeVariableError';
  }
  readonly code = ERROR_CODES.FREE_VARIABLE;
  readonly identifier: string;
  constructor(identifier: string, cause: unknown) {
    super(
      `\`offload\`: the function is run in a worker and cannot see \`${identifier}\`; pass it as an argument or use \`workerModule\``,
      { cause },
    );
    this.identifier = identifier;
  }
}

/** The function's source cannot be rebuilt in a worker (native, bound, class…). */
export class FunctionNotPortableError extends TypeError {
  static {
    this.prototype.name = 'FunctionNotPortableError';
  }
  readonly code = ERROR_CODES.FUNCTION_NOT_PORTABLE;
}

/** `--disallow-code-generation-from-strings` forbids compiling an offloaded function. */
export class CodeGenerationDisallowedError extends EvalError {
  static {
    this.prototype.name = 'CodeGenerationDisallowedError';
  }
  readonly code = ERROR_CODES.CODEGEN_DISALLOWED;
  constructor(cause: unknown) {
    super(
      '`offload` compiles the function from its source inside the worker, which ' +
        '--disallow-code-generation-from-strings forbids; put the function in a module and call it through `workerModule`',
      { cause },
    );
  }
}

/** `workerModule` was given something other than a file URL or an absolute path. */
export class InvalidModuleUrlError extends TypeError {
  static {
    this.prototype.name = 'InvalidModuleUrlError';
  }
  readonly code = ERROR_CODES.INVALID_MODULE_URL;
  constructor(received: unknown) {
    super(
      `\`workerModule\` needs a file: URL or an absolute path, e.g. new URL('./helpers.js', import.meta.url); ` +
        `received ${describe(received)}`,
    );
  }
}

/** The module loaded in the worker has no function exported under that name. */
export class ExportNotFunctionError extends TypeError {
  static {
    this.prototype.name = 'ExportNotFunctionError';
  }
  readonly code = ERROR_CODES.EXPORT_NOT_FUNCTION;
  constructor(moduleUrl: string, exportName: string, actual: string) {
    super(`\`${exportName}\` exported by ${moduleUrl} is ${actual}, not a function`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return `a function`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'symbol' ? value.toString() : 'undefined';
}

