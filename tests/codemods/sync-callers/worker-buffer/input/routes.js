import express from 'express';

import { gzipNamed } from './lib/archive.js';
import { hashPassword } from './lib/passwords.js';

export function usersRouter({ iterations }) {
  const router = express.Router();
  router.post('/users', express.json(), (req, res) => {
    const { name = 'anonymous', password = '' } = req.body ?? {};
    const hash = hashPassword(password, `salt-${name}`, iterations);
    res.status(201).json({ name, hash: hash.toString('hex') });
  });
  router.get('/reports/:name', (req, res) => {
    res.set('content-encoding', 'gzip').type('text').send(gzipNamed(req.params.name));
  });
  return router;
}
