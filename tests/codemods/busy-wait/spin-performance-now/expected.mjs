import { setTimeout } from 'node:timers/promises';

export const settle = async () => {
  const deadline = performance.now() + 5;
  await setTimeout(Math.max(0, deadline - performance.now()));
};
