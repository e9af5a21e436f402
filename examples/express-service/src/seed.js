import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Writes the demo data set (a users file of a few MB and report CSVs) unless it is already there. */
export function seedData(dataDir, userCount) {
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
  return { usersFile };
}
