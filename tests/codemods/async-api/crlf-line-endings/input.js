import { readFileSync } from 'node:fs';
import express from 'express';

const app = express();

app.get('/a', (req, res) => {
  res.send(readFileSync('a.txt'));
});

export async function load(file) {
  return readFileSync(file, 'utf8');
}

export default app;
