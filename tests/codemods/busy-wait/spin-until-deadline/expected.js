import { setTimeout } from 'node:timers/promises';

export async function retry(task) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await task();
    } catch {
      const until = Date.now() + 2 ** attempt * 100;
      // Back off before the next attempt.
      await setTimeout(Math.max(0, until - Date.now()));
    }
  }
  throw new Error('gave up');
}
