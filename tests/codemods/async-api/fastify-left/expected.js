import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const app = Fastify();

app.get('/later', (request, reply) => {
  const template = readFileSync('template.html', 'utf8');
  setImmediate(() => reply.type('text/html').send(template));
});

app.addHook('onRequest', (request, reply, done) => {
  request.token = readFileSync('token.txt', 'utf8');
  done();
});

export default app;
