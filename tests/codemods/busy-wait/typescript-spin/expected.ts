import { setTimeout as delay } from 'node:timers/promises';

export async function backoff(attempt: number): Promise<void> {
  const until: number = Date.now() + attempt * 50;
  await delay(Math.max(0, until - Date.now()));
  await delay(0);
}
