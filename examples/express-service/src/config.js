import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Start-up code: read once, before the server accepts a request. Blocking here is harmless,
// and unblock stays quiet about it.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fileConfig = JSON.parse(readFileSync(path.join(root, 'config.json'), 'utf8'));

export const config = {
  ...fileConfig,
  host: process.env.HOST ?? fileConfig.host,
  port: Number(process.env.PORT ?? fileConfig.port),
  dataDir: path.resolve(root, process.env.DATA_DIR ?? fileConfig.dataDir),
};
