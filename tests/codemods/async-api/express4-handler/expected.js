const express = require('express');
const { readFile, writeFile } = require('fs/promises');

const app = express();

app.get('/users/:id', async (req, res, next) => {
  try {
  const user = JSON.parse(await readFile(`data/${req.params.id}.json`, 'utf8'));
  res.json(user);
  } catch (error) {
    next(error);
  }
});

app.post('/upload', async function (req, res, next) {
  try {
  await writeFile(`uploads/${req.query.name}`, req.body);
  res.sendStatus(201);
  } catch (error) {
    next(error);
  }
});

app.get('/version', async (req, res, next) => { try { res.send(await readFile('VERSION', 'utf8')); } catch (error) { next(error); } });

app.get('/health', async (req, res, next) => { try { res.send(await readFile('HEALTH', 'utf8')); } catch (error) { next(error); } });

module.exports = app;
