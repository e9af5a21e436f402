import { setTimeout } from 'node:timers/promises';

export async function pace(jobs) {
  for (const job of jobs) {
    job.run();
    await setTimeout(job.gap);
  }
}
