// Structured clone silently strips classes: an instance of `class Money` comes
// back as a plain object, and one whose state lives in private fields or
// getters comes back as `{}`. That is a bug waiting to happen on the main
// thread, so a worker looks for such values in a result before sending it and
// fails the task with a message that names the class and where it sits.
//
// The walk is bounded: big results are checked up to NODE_BUDGET values, which
// keeps the cost flat for large arrays of numbers or rows.

const NODE_BUDGET = 10_000;

type Path = Array<string | number>;

/** Describes the first value that would not survive a structured clone intact, or undefined. */
export function findCloneLoss(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = { budget: NODE_BUDGET, seen: new Set<object>() };
  return visit(value, [], state);
}

function visit(value: unknown, path: Path, state: { budget: number; seen: Set<object> }): string | undefined {
  if (--state.budget < 0) return undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (state.seen.has(value)) return undefined;
  state.seen.add(value);

  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = child(value[i], path, i, state);
      if (found !== undefined || state.budget < 0) return found;
    }
    return undefined;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    for (const key of Object.keys(value)) {
      const found = child((value as Record<string, unknown>)[key], path, key, state);
      if (found !== undefined || state.budget < 0) return found;
    }
    return undefined;
  }
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      const found = child(key, path, '<key>', state) ?? child(entry, path, String(key), state);
      if (found !== undefined || state.budget < 0) return found;
    }
    return undefined;
  }
  if (value instanceof Set) {
    let i = 0;
    for (const entry of value) {
      const found = child(entry, path, i++, state);
      if (found !== undefined || state.budget < 0) return found;
    }
    return undefined;
  }
  if (isLeafBuiltin(value)) return undefined;
  return classLoss(value, proto, path);
}

function child(value: unknown, path: Path, key: string | number, state: { budget: number; seen: Set<object> }) {
  if (typeof value !== 'object' || value === null) {
    state.budget--;
    return undefined;
  }
  path.push(key);
  const found = visit(value, path, state);
  path.pop();
  return found;
}

function isLeafBuiltin(value: object): boolean {
  return (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    value instanceof SharedArrayBuffer ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Error ||
    value instanceof Boolean ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof BigInt
  );
}

// Node's own cloneable classes (Blob, KeyObject, X509Certificate…) come back as
// themselves; only a clone tells them apart from user classes, and this path
// runs only for class instances, which are rare in results.
function classLoss(value: object, proto: unknown, path: Path): string | undefined {
  let clone: unknown;
  try {
    clone = structuredClone(value);
  } catch {
    return undefined; // postMessage reports it with the engine's own wording
  }
  if (Object.getPrototypeOf(clone) === proto) return undefined;
  const ctor: unknown = (proto as { constructor?: unknown } | null)?.constructor;
  const name = typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'an anonymous class';
  return `${where(path)} is an instance of \`${name}\`, which would arrive on the main thread as a plain object without its class and methods`;
}

function where(path: Path): string {
  if (path.length === 0) return 'the result';
  return 'the result' + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}
