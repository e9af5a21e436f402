import express from 'express';

import { reportsRouter } from './routes/reports.js';
import { usersRouter } from './routes/users.js';

export function createApp({ usersFile, itemsFile, dataDir, passwordIterations, simulatedLatencyMs = 0 }) {
  const app = express();

  // A "simulate a slow dependency" switch left in from debugging: a spin-wait on the clock.
  app.use((req, res, next) => {
    if (simulatedLatencyMs > 0) {
      const until = Date.now() + simulatedLatencyMs;
      while (Date.now() < until) {}
    }
    next();
  });

  // The cheap endpoint whose latency shows whether the loop is free.
  app.get('/health', (req, res) => {
    res.json({ ok: true, uptime: process.uptime() });
  });

  app.use(usersRouter({ usersFile, itemsFile, passwordIterations }));
  app.use(reportsRouter({ dataDir }));
  return app;
}
