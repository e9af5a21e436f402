import { readFile } from 'node:fs/promises';
import express from 'express';

const app = express();

app.get('/a', async (req, res, next) => {
  try {
  res.send(await readFile('a.txt'));
  } catch (error) {
    next(error);
  }
});

export async function load(file) {
  return await readFile(file, 'utf8');
}

export default app;
