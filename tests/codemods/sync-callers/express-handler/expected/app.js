import express from 'express';
import { readFile } from 'node:fs/promises';

const app = express();

async function loadTemplate(name) {
  return await readFile(`views/${name}.html`, 'utf8');
}

app.get('/:name', async (req, res) => {
  res.send(await loadTemplate(req.params.name));
});

export default app;
