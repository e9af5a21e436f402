// A typical service entry point: configuration, TLS material and templates are
// read once at start-up, before the server listens. None of it runs per request.
import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import express from 'express';

const root = path.dirname(new URL(import.meta.url).pathname);
const config = JSON.parse(fs.readFileSync(path.join(root, 'config.json'), 'utf8'));
const tls = {
  key: fs.readFileSync(config.keyFile),
  cert: fs.readFileSync(config.certFile),
};
if (!fs.existsSync(config.uploadDir)) fs.mkdirSync(config.uploadDir, { recursive: true });

function loadTemplates(dir) {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}
const templates = loadTemplates(path.join(root, 'views'));

const app = express();

app.get('/page/:name', (req, res) => {
  res.type('html').send(templates[req.params.name] ?? '');
});

app.get('/avatar/:id', (req, res) => {
  const file = path.join(config.uploadDir, `${req.params.id}.png`);
  if (!fs.existsSync(file)) return res.sendStatus(404); // blocking
  res.type('png').send(fs.readFileSync(file)); // blocking
});

https.createServer(tls, app).listen(config.port, () => {
  fs.writeFileSync(path.join(root, 'server.pid'), String(process.pid));
});
