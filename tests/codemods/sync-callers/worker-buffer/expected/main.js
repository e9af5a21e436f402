import express from 'express';

import { adminHash, daily, manifest } from './boot.js';
import { verifyPassword } from './lib/passwords.js';
import { usersRouter } from './routes.js';
import { exportArchive } from './service.js';

const server = express()
  .use(usersRouter({ iterations: 1000 }))
  .listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const response = await fetch(`http://127.0.0.1:${server.address().port}/users`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'ada', password: 'lovelace' }),
});
const created = await response.json();
const report = await (await fetch(`http://127.0.0.1:${server.address().port}/reports/weekly`)).text();
server.close();

const file = new URL('./data/manifest.txt', import.meta.url).pathname;
console.log(
  JSON.stringify({
    status: response.status,
    created,
    report,
    daily: daily.length,
    admin: adminHash.toString('hex'),
    verified: verifyPassword('admin', 'boot-salt', adminHash, 1000),
    manifest: manifest.gzipped.length,
    exported: await exportArchive(file),
  }),
);
