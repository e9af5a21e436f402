import express from 'express';
import { readFile } from 'node:fs/promises';

const app = express();

app.get('/users/:id', async (req, res) => {
  const user = JSON.parse(await readFile(`data/${req.params.id}.json`, 'utf8'));
  res.json(user);
});

app.get('/health', async (req, res) => res.send(await readFile('VERSION', 'utf8')));

export default app;
