import { eventLoopStats, monitorEventLoop } from '@unblock/runtime';

import { config } from './config.js';
import { createApp } from './app.js';
import { recommend } from './cpu/score.js';
import { buildReport } from './lib/report.js';
import { seedData } from './seed.js';

// Start-up: sync I/O here runs once, before the first request, and is not reported.
const { usersFile, itemsFile } = seedData(config.dataDir, config.users, config.items);
buildReport(config.dataDir, 'daily'); // warm the page cache
recommend(itemsFile, 0, 1); // and check that the catalogue loads

const app = createApp({
  usersFile,
  itemsFile,
  dataDir: config.dataDir,
  passwordIterations: config.passwordIterations,
  simulatedLatencyMs: Number(process.env.SIMULATED_LATENCY_MS ?? 0),
});

// Operations: warn about every stretch of 20 ms or more during which the loop served nobody, and
// serve the loop's delay percentiles (`?reset` starts a new window) to dashboards and the demo.
monitorEventLoop({
  thresholdMs: 20,
  onBlock: ({ durationMs }) => console.warn(`express-service: event loop blocked for ${Math.round(durationMs)} ms`),
});
app.get('/metrics', (req, res) => {
  res.json(eventLoopStats({ reset: req.query.reset !== undefined }));
});

const server = app.listen(config.port, config.host, () => {
  console.log(`express-service listening on http://${config.host}:${server.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());
