const express = require('express');
const fs = require('fs');

const app = express();

app.get('/users/:id', (req, res) => {
  const user = JSON.parse(fs.readFileSync(`data/${req.params.id}.json`, 'utf8'));
  res.json(user);
});

app.post('/upload', function (req, res, next) {
  fs.writeFileSync(`uploads/${req.query.name}`, req.body);
  res.sendStatus(201);
});

app.get('/version', (req, res) => { res.send(fs.readFileSync('VERSION', 'utf8')); });

app.get('/health', (req, res) => res.send(fs.readFileSync('HEALTH', 'utf8')));

module.exports = app;
