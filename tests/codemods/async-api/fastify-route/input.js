import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const app = Fastify();

app.get('/report', (request, reply) => {
  const report = readFileSync('report.csv');
  reply.header('content-encoding', 'gzip').send(gzipSync(report));
});

app.route({
  method: 'GET',
  url: '/raw',
  handler(request) {
    return readFileSync('raw.txt', 'utf8');
  },
});

export default app;
