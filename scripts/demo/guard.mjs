// Preloaded (`node --import`) into every process the demo starts: the process ends when the demo
// does, however it ends (the IPC channel to it closes), or when its lifetime is over.
const lifetimeMs = Number(process.env.UNBLOCK_DEMO_LIFETIME_MS ?? 120_000);

setTimeout(() => {
  console.error(`unblock demo: ${process.argv[1]} stopped after its ${Math.round(lifetimeMs / 1000)} s lifetime`);
  process.exit(1);
}, lifetimeMs).unref();

if (process.channel) {
  process.channel.unref(); // the channel alone does not keep the process alive
  process.once('disconnect', () => process.exit(1));
}
