import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { DIMENSIONS } from './cpu/score.js';

/**
 * Writes the demo data set unless it is already there: a users file of a few MB, report CSVs, and
 * a catalogue of item embeddings (float32, `DIMENSIONS` per item: 5 MB for 20,000 items).
 */
export function seedData(dataDir, userCount, itemCount = 20_000) {
  mkdirSync(path.join(dataDir, 'reports'), { recursive: true });
  const usersFile = path.join(dataDir, 'users.json');
  if (!existsSync(usersFile)) {
    const users = Array.from({ length: userCount }, (_, id) => ({
      id,
      name: `user-${id}`,
      email: `user-${id}@example.com`,
      salt: randomBytes(16).toString('hex'),
      bio: 'x'.repeat(96),
    }));
    writeFileSync(usersFile, JSON.stringify(users));
  }
  for (const name of ['daily', 'weekly', 'monthly']) {
    const file = path.join(dataDir, 'reports', `${name}.csv`);
    if (existsSync(file)) continue;
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},${name},${(i * 7919) % 10007},${Math.sin(i).toFixed(6)}`);
    writeFileSync(file, `id,period,amount,score\n${rows.join('\n')}\n`);
  }
  const itemsFile = path.join(dataDir, 'items.bin');
  if (!existsSync(itemsFile)) {
    // Deterministic, so that every copy of the service recommends the same items.
    const vectors = new Float32Array(itemCount * DIMENSIONS);
    let state = 0x9e3779b9;
    for (let i = 0; i < vectors.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      vectors[i] = (state >>> 0) / 0xffffffff - 0.5;
    }
    writeFileSync(itemsFile, vectors);
  }
  return { usersFile, itemsFile };
}
