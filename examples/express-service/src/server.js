import { config } from './config.js';
import { createApp } from './app.js';
import { buildReport } from './lib/report.js';
import { seedData } from './seed.js';

// Start-up: sync I/O here runs once, before the first request, and is not reported.
const { usersFile } = seedData(config.dataDir, config.users);
buildReport(config.dataDir, 'daily'); // warm the page cache

const app = createApp({
  usersFile,
  dataDir: config.dataDir,
  passwordIterations: config.passwordIterations,
  simulatedLatencyMs: Number(process.env.SIMULATED_LATENCY_MS ?? 0),
});

const server = app.listen(config.port, () => {
  console.log(`express-service listening on http://127.0.0.1:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());
