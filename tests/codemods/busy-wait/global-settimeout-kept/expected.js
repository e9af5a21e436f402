import { setTimeout as setTimeoutAsync } from 'node:timers/promises';

export async function tick(onTick) {
  const end = Date.now() + 10;
  await setTimeoutAsync(Math.max(0, end - Date.now()));
  setTimeout(onTick, 0);
}
