import { setTimeout as delay } from 'node:timers/promises';

export async function backoff(attempt: number): Promise<void> {
  const until: number = Date.now() + attempt * 50;
  while (Date.now() < until) {}
  await delay(0);
}
