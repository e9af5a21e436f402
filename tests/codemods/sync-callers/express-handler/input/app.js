import express from 'express';
import { readFileSync } from 'node:fs';

const app = express();

function loadTemplate(name) {
  return readFileSync(`views/${name}.html`, 'utf8');
}

app.get('/:name', (req, res) => {
  res.send(loadTemplate(req.params.name));
});

export default app;
