import express from 'express';
import { setTimeout } from 'node:timers/promises';

const app = express();

app.get('/report', async (req, res, next) => {
  try {
  const until = Date.now() + 30;
  await setTimeout(Math.max(0, until - Date.now()));
  res.send('ok');
  } catch (error) {
    next(error);
  }
});

export default app;
