import { readFileSync } from 'node:fs';

/** How many float32 values describe one item in the catalogue file, item after item. */
export const DIMENSIONS = 64;

/** How many of the user's recent items the recommendations are based on. */
const HISTORY = 24;

/**
 * Recommends `count` items to a user: scores every item of the catalogue against the items the
 * user looked at last (mean cosine similarity of their embeddings) and keeps the best ones.
 *
 * Tens of milliseconds of plain JavaScript arithmetic, and no async twin to call instead: off the
 * event loop it can only run in a worker thread, through `workerModule` from @unblock/runtime,
 * which imports this module by URL and calls the export by name. It stays sync because start-up
 * calls it too (src/server.js), and it only takes and returns plain data.
 *
 * @param {string} itemsFile
 * @param {number} userId
 * @param {number} [count]
 * @returns {{ id: number, score: number }[]}
 */
export function recommend(itemsFile, userId, count = 10) {
  const bytes = readFileSync(itemsFile);
  // A copy: a Float32Array needs an aligned offset, which a Buffer's view does not promise.
  const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const items = Math.floor(vectors.length / DIMENSIONS);
  if (items === 0 || !(count > 0)) return [];

  const norms = new Float64Array(items);
  for (let item = 0; item < items; item++) {
    let sum = 0;
    for (let k = item * DIMENSIONS, end = k + DIMENSIONS; k < end; k++) sum += vectors[k] * vectors[k];
    norms[item] = Math.sqrt(sum) || 1;
  }

  /** @type {Set<number>} */
  const history = new Set();
  for (let i = 0; i < HISTORY; i++) history.add((userId * 7919 + i * 104_729) % items);

  const scores = new Float64Array(items);
  for (const seen of history) {
    const base = seen * DIMENSIONS;
    for (let item = 0; item < items; item++) {
      let dot = 0;
      for (let k = 0, offset = item * DIMENSIONS; k < DIMENSIONS; k++) dot += vectors[base + k] * vectors[offset + k];
      scores[item] += dot / (norms[seen] * norms[item]);
    }
  }

  /** @type {{ id: number, score: number }[]} */
  const best = [];
  for (let item = 0; item < items; item++) {
    if (history.has(item)) continue;
    if (best.length === count && scores[item] <= best[best.length - 1].score) continue;
    const at = best.findIndex((entry) => entry.score < scores[item]);
    best.splice(at === -1 ? best.length : at, 0, { id: item, score: scores[item] });
    if (best.length > count) best.pop();
  }
  return best.map(({ id, score }) => ({ id, score: Math.round((score / history.size) * 1e4) / 1e4 }));
}
