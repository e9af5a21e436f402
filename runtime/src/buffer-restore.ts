// The receiving side of Buffer transport (see buffer-paths.ts): turns the
// Uint8Arrays that were Buffers when sent back into Buffers, over the same
// memory (no copy), where the sender's paths say they sit.

import { ARRAY, MAP, PLAIN_OBJECT, SET, containerKind, mapKeyIndex, type BufferPaths, type Step } from './buffer-paths.js';

/** Returns `root` with its Buffers restored: `root` itself is changed in place, unless it is the Buffer. */
export function restoreBuffers(root: unknown, paths: BufferPaths): unknown {
  const restore = new Restore();
  let result = root;
  for (const path of paths) {
    if (path.length === 0) {
      result = restore.buffer(root);
      continue;
    }
    let container = root;
    for (let i = 0; i < path.length - 1 && container !== undefined; i++) container = restore.child(container, path[i]!);
    if (container !== undefined) restore.replace(container, path[path.length - 1]!);
  }
  restore.finish();
  return result;
}

class Restore {
  /** One Buffer per Uint8Array, so that a value sent twice arrives as one object twice. */
  readonly #buffers = new Map<Uint8Array, Buffer>();
  /** Map entries and Set members by position, taken once per collection. */
  readonly #positions = new Map<Map<unknown, unknown> | Set<unknown>, unknown[]>();
  /** Collections whose key or member changed: rebuilt in order at the end. */
  readonly #changed = new Set<Map<unknown, unknown> | Set<unknown>>();

  buffer(value: unknown): unknown {
    if (!(value instanceof Uint8Array) || Buffer.isBuffer(value)) return value;
    let buffer = this.#buffers.get(value);
    if (buffer === undefined) {
      buffer = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      this.#buffers.set(value, buffer);
    }
    return buffer;
  }

  child(container: unknown, step: Step): unknown {
    if (typeof container !== 'object' || container === null) return undefined;
    switch (containerKind(container)) {
      case ARRAY:
      case PLAIN_OBJECT:
        return (container as Record<Step, unknown>)[step];
      case MAP: {
        const { entry, isKey } = this.#entry(container as Map<unknown, unknown>, step as number);
        return isKey ? entry?.[0] : entry?.[1];
      }
      case SET:
        return this.#positionsOf(container as Set<unknown>)[step as number];
      default:
        return undefined;
    }
  }

  replace(container: unknown, step: Step): void {
    if (typeof container !== 'object' || container === null) return;
    switch (containerKind(container)) {
      case ARRAY:
      case PLAIN_OBJECT: {
        const record = container as Record<Step, unknown>;
        // Only own properties crossed; never add one.
        if (Object.hasOwn(record, step)) record[step] = this.buffer(record[step]);
        return;
      }
      case MAP: {
        const map = container as Map<unknown, unknown>;
        const { entry, isKey } = this.#entry(map, step as number);
        if (entry === undefined) return;
        if (isKey) {
          entry[0] = this.buffer(entry[0]);
          this.#changed.add(map);
        } else {
          entry[1] = this.buffer(entry[1]);
          map.set(entry[0], entry[1]); // the same key: the entry keeps its place
        }
        return;
      }
      case SET: {
        const set = container as Set<unknown>;
        const members = this.#positionsOf(set);
        members[step as number] = this.buffer(members[step as number]);
        this.#changed.add(set);
        return;
      }
      default:
    }
  }

  /** Rebuilds the Maps whose keys and the Sets whose members changed, keeping their order. */
  finish(): void {
    for (const collection of this.#changed) {
      const positions = this.#positions.get(collection) ?? [];
      collection.clear();
      if (collection instanceof Map) for (const [key, value] of positions as [unknown, unknown][]) collection.set(key, value);
      else for (const member of positions) collection.add(member);
    }
  }

  #entry(map: Map<unknown, unknown>, step: number): { entry: [unknown, unknown] | undefined; isKey: boolean } {
    const isKey = step < 0;
    return { entry: this.#positionsOf(map)[isKey ? mapKeyIndex(step) : step] as [unknown, unknown] | undefined, isKey };
  }

  #positionsOf(collection: Map<unknown, unknown> | Set<unknown>): unknown[] {
    let positions = this.#positions.get(collection);
    if (positions === undefined) {
      positions = collection instanceof Map ? [...collection.entries()] : [...collection];
      this.#positions.set(collection, positions);
    }
    return positions;
  }
}
