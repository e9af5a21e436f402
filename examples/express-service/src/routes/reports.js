import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { buildReport } from '../lib/report.js';

export function reportsRouter({ dataDir }) {
  const router = express.Router();

  // Async in name only: the directory walk below runs on the event loop.
  router.get('/reports', async (req, res) => {
    const dir = path.join(dataDir, 'reports');
    const names = fs.readdirSync(dir);
    const files = names.map((name) => ({ name, bytes: fs.statSync(path.join(dir, name)).size }));
    res.json(files);
  });

  router.get('/reports/:name', (req, res) => {
    res.set('content-encoding', 'gzip').type('json').send(buildReport(dataDir, req.params.name));
  });

  router.get('/export', (req, res) => {
    const csv = fs.readFileSync(path.join(dataDir, 'reports', 'monthly.csv'));
    res.set('content-encoding', 'gzip').type('text/csv').send(zlib.gzipSync(csv, { level: 9 }));
  });

  return router;
}
