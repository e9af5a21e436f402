// The sending side of Buffer transport (see buffer-paths.ts): finds every
// Buffer in a value about to be posted, and decides how its bytes travel.
//
//   - Listed in the transfer list (its whole memory moves): as it is, no copy.
//   - Over a SharedArrayBuffer: as it is; both threads see the same memory.
//   - A view of part of its memory (every small Buffer: Node carves them from
//     a shared 8 KiB pool): as an exact copy of its own bytes. Structured clone
//     would copy the whole pool, other Buffers' bytes included.
//   - 64 KiB or more: as a copy that is moved. One copy, where structured
//     clone makes two (into the message, then out of it), and the caller's
//     memory is never detached: it may still hold the Buffer.
//   - Otherwise (small, its own memory): as it is; structured clone copies it.
//
// A Buffer that is sent as a copy is swapped in a shallow copy of the
// containers above it, so the caller's objects are never changed.

import * as workerThreads from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';
import { ARRAY, MAP, NOT_A_CONTAINER, PLAIN_OBJECT, SET, containerKind, mapKeyStep, type BufferPaths, type Step } from './buffer-paths.js';

/** From this size on, copying once and moving beats structured clone's two copies by more than the move costs. */
export const MOVE_COPY_BYTES = 64 * 1024;

export interface PackedValue {
  readonly value: unknown;
  /** undefined when the value holds no Buffer: nothing to restore. */
  readonly paths: BufferPaths | undefined;
  readonly transferList: readonly TransferListItem[];
}

// Node 21 and later say which ArrayBuffers cannot move (its Buffer pools) and throw if one is
// listed; Node 20 silently copies them instead.
const isMarkedAsUntransferable = (workerThreads as { isMarkedAsUntransferable?: (value: unknown) => boolean }).isMarkedAsUntransferable;

/**
 * Prepares `root` for `postMessage(value, transferList)`: where its Buffers sit, and the value
 * and transfer list to post. `root` and `transferList` are left as they were.
 */
export function packBuffers(root: unknown, transferList: readonly TransferListItem[]): PackedValue {
  if (!holdsObjects(root)) return { value: root, paths: undefined, transferList };
  const scan = scanFor(root as object, transferList);
  if (scan?.paths === undefined) return { value: root, paths: undefined, transferList };
  const value = scan.copies === undefined ? root : new Rebuild(scan).value(root);
  return { value, paths: scan.paths, transferList: scan.outgoingTransferList() };
}

/**
 * Values are trees almost always, and walking one as a tree is several times faster than
 * remembering every object seen. A walk that goes too deep or too long may be going round a
 * cycle: it starts again, remembering.
 */
function scanFor(root: object, transferList: readonly TransferListItem[]): Scan | undefined {
  try {
    const scan = new Scan(transferList, false);
    scan.visit(root);
    return scan;
  } catch {
    try {
      const scan = new Scan(transferList, true);
      scan.visit(root);
      return scan;
    } catch {
      return undefined; // nested too deeply to walk: structured clone refuses it too, with its own message
    }
  }
}

/** False for a primitive, or an array of primitives (most argument lists): nothing to walk. */
function holdsObjects(root: unknown): boolean {
  if (typeof root !== 'object' || root === null) return false;
  if (!Array.isArray(root)) return true;
  for (const item of root as unknown[]) if (typeof item === 'object' && item !== null) return true;
  return false;
}

/** How deep, and how many containers, a walk goes as a tree before it suspects a cycle. */
const TREE_DEPTH = 64;
const TREE_VISITS = 1_000_000;

class Scan {
  paths: Step[][] | undefined = undefined;
  /** Buffers sent as copies, and their copies. */
  copies: Map<Buffer, Uint8Array> | undefined = undefined;
  /** Containers that hold, at some depth, a Buffer sent as a copy. */
  dirty: Set<object> | undefined = undefined;
  /** A container holds itself, so `dirty` may have been decided too early: then every container is rebuilt. */
  cyclic = false;
  readonly #listed: readonly TransferListItem[];
  #listedMemory: Set<unknown> | undefined = undefined;
  #notMoved: Set<unknown> | undefined = undefined;
  #moves: ArrayBuffer[] | undefined = undefined;
  /** Only when walking with care: every container seen. */
  readonly #seen: Set<object> | undefined;
  #visits = 0;
  readonly #path: Step[] = [];

  constructor(transferList: readonly TransferListItem[], careful: boolean) {
    this.#listed = transferList;
    this.#seen = careful ? new Set() : undefined;
  }

  /** Returns whether `value` holds a Buffer that is sent as a copy. */
  visit(value: object): boolean {
    if (ArrayBuffer.isView(value)) return Buffer.isBuffer(value) && this.#buffer(value);
    const kind = containerKind(value);
    if (kind === NOT_A_CONTAINER) return false;
    if (this.#seen === undefined) {
      if (this.#path.length > TREE_DEPTH || ++this.#visits > TREE_VISITS) throw new Error('not a tree: walk again with care');
    } else if (this.#seen.has(value)) {
      this.cyclic = true;
      return this.dirty?.has(value) === true;
    } else {
      this.#seen.add(value);
    }
    let dirty = false;
    if (kind === ARRAY) {
      const array = value as unknown[];
      for (let i = 0; i < array.length; i++) dirty = this.#child(array[i], i) || dirty;
    } else if (kind === PLAIN_OBJECT) {
      const object = value as Record<string, unknown>;
      // for…in, not Object.keys: no array to allocate per object. A plain object inherits no
      // enumerable keys (or none from a null prototype).
      for (const key in object) dirty = this.#child(object[key], key) || dirty;
    } else if (kind === MAP) {
      let index = 0;
      for (const [key, entry] of value as Map<unknown, unknown>) {
        dirty = this.#child(key, mapKeyStep(index)) || dirty;
        dirty = this.#child(entry, index++) || dirty;
      }
    } else if (kind === SET) {
      let index = 0;
      for (const member of value as Set<unknown>) dirty = this.#child(member, index++) || dirty;
    }
    if (dirty) (this.dirty ??= new Set()).add(value);
    return dirty;
  }

  outgoingTransferList(): readonly TransferListItem[] {
    const kept = this.#listed.filter((item) => !this.#notMoved?.has(item) && !isMarkedAsUntransferable?.(item));
    return this.#moves === undefined ? kept : [...kept, ...this.#moves];
  }

  #child(value: unknown, step: Step): boolean {
    if (typeof value !== 'object' || value === null) return false;
    this.#path.push(step);
    const dirty = this.visit(value);
    this.#path.pop();
    return dirty;
  }

  #buffer(buffer: Buffer): boolean {
    (this.paths ??= []).push(this.#path.slice());
    const memory = buffer.buffer;
    if (memory instanceof SharedArrayBuffer) return false;
    const ownsMemory = buffer.byteOffset === 0 && buffer.byteLength === memory.byteLength;
    if (this.#isListed(memory)) {
      if (movable(memory, ownsMemory)) return false;
      (this.#notMoved ??= new Set()).add(memory);
    } else if (ownsMemory && buffer.byteLength < MOVE_COPY_BYTES) {
      return false;
    }
    if (this.copies?.has(buffer) !== true) {
      const copy = new Uint8Array(memory.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
      (this.copies ??= new Map()).set(buffer, copy);
      if (copy.byteLength >= MOVE_COPY_BYTES) (this.#moves ??= []).push(copy.buffer);
    }
    return true;
  }

  #isListed(memory: ArrayBuffer): boolean {
    if (this.#listed.length === 0) return false;
    this.#listedMemory ??= new Set(this.#listed);
    return this.#listedMemory.has(memory);
  }
}

// A pool is never moved: other Buffers live in it. Node 21+ marks pools; on Node 20 a view of part
// of a Buffer.poolSize-sized ArrayBuffer is taken for one, and copied rather than moved.
function movable(memory: ArrayBuffer, ownsMemory: boolean): boolean {
  if (isMarkedAsUntransferable !== undefined) return !isMarkedAsUntransferable(memory);
  return ownsMemory || memory.byteLength !== Buffer.poolSize;
}

/** Copies of the containers above the Buffers sent as copies; everything else is shared with the original. */
class Rebuild {
  readonly #copies: Map<Buffer, Uint8Array>;
  readonly #dirty: Set<object> | undefined;
  readonly #everything: boolean;
  readonly #done = new Map<object, unknown>();

  constructor(scan: Scan) {
    this.#copies = scan.copies ?? new Map<Buffer, Uint8Array>();
    this.#dirty = scan.dirty;
    // Around a cycle, "dirty" was decided before every path was seen; copying every container
    // (each once) keeps the value's shape and identities exact. Without one, a container reached
    // twice was walked twice, so "dirty" is exact, and each copy is made once.
    this.#everything = scan.cyclic;
  }

  value(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const copy = this.#copies.get(value as Buffer);
    if (copy !== undefined) return copy;
    if (!this.#everything && this.#dirty?.has(value) !== true) return value;
    const done = this.#done.get(value);
    if (done !== undefined) return done;
    const kind = containerKind(value);
    if (kind === ARRAY) {
      const array = (value as unknown[]).slice();
      this.#done.set(value, array);
      for (let i = 0; i < array.length; i++) array[i] = this.value(array[i]);
      return array;
    }
    if (kind === PLAIN_OBJECT) {
      const object: Record<string, unknown> = Object.getPrototypeOf(value) === null ? (Object.create(null) as Record<string, unknown>) : {};
      this.#done.set(value, object);
      for (const key of Object.keys(value)) {
        // defineProperty, so that an own `__proto__` key stays a key instead of setting the prototype.
        Object.defineProperty(object, key, { value: this.value((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    if (kind === MAP) {
      const map = new Map<unknown, unknown>();
      this.#done.set(value, map);
      for (const [key, entry] of value as Map<unknown, unknown>) map.set(this.value(key), this.value(entry));
      return map;
    }
    if (kind === SET) {
      const set = new Set<unknown>();
      this.#done.set(value, set);
      for (const member of value as Set<unknown>) set.add(this.value(member));
      return set;
    }
    return value;
  }
}
