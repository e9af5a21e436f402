import { setTimeout } from 'node:timers/promises';

export async function pause(ms) {
  const start = Date.now();
  await setTimeout(Math.max(0, start + ms - Date.now()));
  return 'done';
}
