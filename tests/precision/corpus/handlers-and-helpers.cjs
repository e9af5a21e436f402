// Request-time code in CommonJS with aliases: every marked line runs on the
// loop while a request is served.
const { readFileSync: read, statSync } = require('fs');
const cp = require('node:child_process');
const { pbkdf2Sync } = require('crypto');
const zlib = require('zlib');
const bcrypt = require('bcryptjs');
const Database = require('better-sqlite3');
const fastify = require('fastify')();

const db = new Database('app.db');
const findUser = db.prepare('select * from users where id = ?');

fastify.get('/users/:id', (request) => {
  return findUser.get(request.params.id); // blocking
});

fastify.post('/login', async (request) => {
  const stored = await loadHash(request.body.user);
  return { ok: bcrypt.compareSync(request.body.password, stored) }; // blocking
});

fastify.get('/files/:name', async (request, reply) => {
  const info = statSync(request.params.name); // blocking
  const data = read(request.params.name); // blocking
  reply.header('content-length', info.size);
  return zlib.gzipSync(data); // blocking
});

fastify.get('/version', async () => {
  return cp.execSync('git rev-parse HEAD').toString().trim(); // blocking
});

fastify.post('/derive', async (request) => {
  return pbkdf2Sync(request.body.password, 'salt', 100000, 32, 'sha256').toString('hex'); // blocking
});

async function loadHash(user) {
  return db.prepare('select hash from users where name = ?').get(user).hash; // blocking
}

fastify.listen({ port: 3000 }, () => {
  console.log(read('banner.txt', 'utf8'));
});
