import express from 'express';
import { readFileSync } from 'node:fs';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { recommend } from '../cpu/score.js';
import { hashPassword } from '../lib/passwords.js';

export function usersRouter({ usersFile, itemsFile, passwordIterations }) {
  const router = express.Router();

  // Re-reads and parses a multi-megabyte file on every request: every other request waits.
  router.get('/users/:id', (req, res) => {
    const users = JSON.parse(readFileSync(usersFile, 'utf8'));
    const user = users[Number(req.params.id)];
    if (!user) return res.status(404).json({ error: 'no such user' });
    res.json({ id: user.id, name: user.name, email: user.email });
  });

  // Key derivation at a real iteration count, on the event loop.
  router.post('/login', express.json(), (req, res) => {
    const { password = '', salt = 'demo-salt' } = req.body ?? {};
    const key = pbkdf2Sync(password, salt, passwordIterations, 64, 'sha512');
    res.json({ token: key.toString('base64url').slice(0, 32) });
  });

  // The same cost, one call deeper: a helper that blocks, called from a handler.
  router.post('/users', express.json(), (req, res) => {
    const { name = 'anonymous', password = '' } = req.body ?? {};
    const salt = randomBytes(16);
    const hash = hashPassword(password, salt, passwordIterations);
    res.status(201).json({ name, salt: salt.toString('hex'), hash: hash.toString('hex').slice(0, 16) });
  });

  // CPU work in a helper module: the catalogue scored against the user's recent items.
  router.get('/users/:id/recommendations', (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id < 0) return res.status(400).json({ error: 'bad user id' });
    res.json(recommend(itemsFile, id, 10));
  });

  return router;
}
