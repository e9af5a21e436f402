import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Summarises a report CSV and returns it gzipped. CPU and I/O bound, and called both from a
 * request handler and from the sync warm-up at start-up, so it has to stay sync for the latter.
 */
export function buildReport(dataDir, name) {
  const csv = readFileSync(path.join(dataDir, 'reports', `${name}.csv`), 'utf8');
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
  const total = rows.reduce((sum, row) => sum + Number(row[2]), 0);
  const top = rows
    .map((row) => ({ id: Number(row[0]), score: Number(row[3]) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  return gzipSync(JSON.stringify({ name, rows: rows.length, total, top }));
}
