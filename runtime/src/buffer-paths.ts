// Structured clone keeps a Buffer's bytes but not its class: it arrives as a
// plain Uint8Array, without `toString('hex')`, `equals` or Buffer's `slice`.
// The side that sends a value therefore lists where its Buffers sit, and the
// side that receives it turns the Uint8Arrays at those places back into
// Buffers (a view over the same memory, no copy). Both sides walk the same
// containers in the same order, which this file defines.

/**
 * One step from a container to what it holds: an array index or an object's
 * own key; for a Map, the n-th entry's value (n) or key (-n-1); for a Set,
 * its n-th member. Maps and Sets keep their order through a clone.
 */
export type Step = string | number;

/** Where each Buffer sits in a value, as steps from the value itself (`[]`: the value is one). */
export type BufferPaths = readonly (readonly Step[])[];

export const NOT_A_CONTAINER = 0;
export const ARRAY = 1;
export const PLAIN_OBJECT = 2;
export const MAP = 3;
export const SET = 4;
export type ContainerKind = typeof NOT_A_CONTAINER | typeof ARRAY | typeof PLAIN_OBJECT | typeof MAP | typeof SET;

/**
 * The containers whose contents structured clone copies as they are. A class
 * instance is left out: it arrives as a plain object, and a result holding one
 * is refused anyway (result-check.ts).
 */
export function containerKind(value: object): ContainerKind {
  if (Array.isArray(value)) return ARRAY;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return PLAIN_OBJECT;
  if (value instanceof Map) return MAP;
  if (value instanceof Set) return SET;
  return NOT_A_CONTAINER;
}

/** The Map key step for entry `index`; `mapKeyIndex` reverses it. */
export const mapKeyStep = (index: number): number => -index - 1;
export const mapKeyIndex = (step: number): number => -step - 1;
