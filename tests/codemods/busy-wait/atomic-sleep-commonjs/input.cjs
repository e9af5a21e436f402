const sleep = require('atomic-sleep');
const fastify = require('fastify')();

fastify.get('/slow', (request, reply) => {
  sleep(50);
  return { ok: true };
});

module.exports = fastify;
