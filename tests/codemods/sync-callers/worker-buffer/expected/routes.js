import express from 'express';

import { workerModule } from '@unblock/runtime';
const passwordsWorker = workerModule(new URL('./lib/passwords.js', import.meta.url));
const archiveWorker = workerModule(new URL('./lib/archive.js', import.meta.url));

export function usersRouter({ iterations }) {
  const router = express.Router();
  router.post('/users', express.json(), async (req, res) => {
    const { name = 'anonymous', password = '' } = req.body ?? {};
    const hash = await passwordsWorker.hashPassword(password, `salt-${name}`, iterations);
    res.status(201).json({ name, hash: hash.toString('hex') });
  });
  router.get('/reports/:name', async (req, res) => {
    res.set('content-encoding', 'gzip').type('text').send(await archiveWorker.gzipNamed(req.params.name));
  });
  return router;
}
