import { setTimeout } from 'node:timers/promises';

export async function drip(lines, write) {
  for (const line of lines) {
    write(line);
    await setTimeout(10);
  }
  await setTimeout(1 * 1000);
  await setTimeout((500 + lines.length) / 1000);
}
