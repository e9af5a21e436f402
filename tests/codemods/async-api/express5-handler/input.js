import express from 'express';
import { readFileSync } from 'node:fs';

const app = express();

app.get('/users/:id', (req, res) => {
  const user = JSON.parse(readFileSync(`data/${req.params.id}.json`, 'utf8'));
  res.json(user);
});

app.get('/health', (req, res) => res.send(readFileSync('VERSION', 'utf8')));

export default app;
