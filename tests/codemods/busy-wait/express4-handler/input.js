import express from 'express';

const app = express();

app.get('/report', (req, res) => {
  const until = Date.now() + 30;
  while (Date.now() < until) {}
  res.send('ok');
});

export default app;
