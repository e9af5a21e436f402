import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
const gzipAsync = promisify(gzip);

const app = Fastify();

app.get('/report', async (request, reply) => {
  const report = await readFile('report.csv');
  reply.header('content-encoding', 'gzip').send(await gzipAsync(report));
});

app.route({
  method: 'GET',
  url: '/raw',
  async handler(request) {
    return await readFile('raw.txt', 'utf8');
  },
});

export default app;
