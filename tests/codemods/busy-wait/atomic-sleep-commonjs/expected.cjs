const { setTimeout } = require('node:timers/promises');
const fastify = require('fastify')();

fastify.get('/slow', async (request, reply) => {
  await setTimeout(50);
  return { ok: true };
});

module.exports = fastify;
