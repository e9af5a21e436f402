import { setTimeout } from 'node:timers/promises';

export async function throttle(items) {
  for (const item of items) {
    await item.save();
    await setTimeout(25);
  }
}
