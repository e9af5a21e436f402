export async function pace(jobs) {
  jobs.forEach((job) => {
    job.run();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.gap);
  });
}
