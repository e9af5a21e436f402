// A seeded pseudo-random source, so that a generated tree is the same for the same seed on every
// machine and every Node version (Math.random cannot be seeded). mulberry32: tiny, and good
// enough to vary file shapes; nothing here needs statistical quality.

/** A random source from a 32-bit seed: `next()` in [0, 1), `int(n)` in [0, n), `pick(list)`, `chance(p)`. */
export function seeded(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** `count` distinct indices below `limit`, in ascending order, chosen by `random`. */
export function sample(random, limit, count) {
  const chosen = new Set();
  while (chosen.size < Math.min(count, limit)) chosen.add(random.int(limit));
  return [...chosen].sort((a, b) => a - b);
}
