// Every framework the handler data knows, once: a stable id for code to compare, the name that
// messages show, and what the framework does with a handler's rejected promise. The last is what
// decides whether `unblock fix` may make a sync handler async: where nothing catches the rejection,
// an async handler turns a thrown error into an unhandled rejection instead of an error response.
// And where a handler finds what the client sent, which is plain data: what the codemods may send
// to a worker when JavaScript has no type to say so.

/**
 * What happens when a handler returns a rejected promise:
 * - `awaits`: the framework awaits the handler and turns a rejection into an error response
 *   (or a failed job or message);
 * - `express`: Express 5 does that, Express 4 does not (errors must reach `next`), so it depends on
 *   the installed major;
 * - `unhandled`: nothing awaits the handler, and a rejection escapes.
 */
export type ErrorHandling = 'awaits' | 'express' | 'unhandled';

/**
 * Where a handler reads the request's data: its `parameter`-th parameter, and the properties of it
 * (as paths) that the framework fills with strings, parsed JSON or query objects, never with class
 * instances or functions: `req.params`, `req.body`, `ctx.request.body`.
 */
export interface RequestData {
  readonly parameter: number;
  readonly paths: readonly (readonly string[])[];
}

export interface Framework {
  /** Stable, for code and JSON: `express`, `node-http`, `custom:my-server`. */
  readonly id: string;
  /** Shown in messages: `Express`, `node:http`, `Next.js`. */
  readonly name: string;
  readonly errorHandling: ErrorHandling;
  /** Left out where the request's data is not plain properties (Hono's `c.req.param()`, Nest's decorators). */
  readonly requestData?: RequestData;
}

const framework = (id: string, name: string, errorHandling: ErrorHandling, requestData?: RequestData): Framework => ({
  id,
  name,
  errorHandling,
  ...(requestData === undefined ? {} : { requestData }),
});

const EXPRESS_REQUEST: RequestData = { parameter: 0, paths: [['params'], ['query'], ['body'], ['headers'], ['cookies']] };

export const FRAMEWORKS = {
  express: framework('express', 'Express', 'express', EXPRESS_REQUEST),
  /** A route-shaped registration (`router.get('/x', (req, res) => …)`) on an object of unknown origin. */
  expressStyle: framework('express-style', 'Express-style', 'express', EXPRESS_REQUEST),
  fastify: framework('fastify', 'Fastify', 'awaits', { parameter: 0, paths: [['params'], ['query'], ['body'], ['headers']] }),
  koa: framework('koa', 'Koa', 'awaits', { parameter: 0, paths: [['params'], ['query'], ['request', 'body'], ['request', 'query'], ['headers']] }),
  koaRouter: framework('koa-router', 'koa-router', 'awaits', { parameter: 0, paths: [['params'], ['query'], ['request', 'body'], ['request', 'query'], ['headers']] }),
  hono: framework('hono', 'Hono', 'awaits'),
  nestjs: framework('nestjs', 'NestJS', 'awaits'),
  nestjsGraphql: framework('nestjs-graphql', 'NestJS GraphQL', 'awaits'),
  routingControllers: framework('routing-controllers', 'routing-controllers', 'awaits'),
  nextjs: framework('nextjs', 'Next.js', 'awaits'),
  remix: framework('remix', 'Remix', 'awaits'),
  h3: framework('h3', 'h3', 'awaits'),
  awsLambda: framework('aws-lambda', 'AWS Lambda', 'awaits'),
  azureFunctions: framework('azure-functions', 'Azure Functions', 'awaits'),
  // The Firebase and Google Cloud HTTP functions hand over Express request and response objects
  // and do not await the handler.
  firebaseFunctions: framework('firebase-functions', 'Firebase Functions', 'unhandled', EXPRESS_REQUEST),
  cloudFunctions: framework('cloud-functions', 'Cloud Functions', 'unhandled', EXPRESS_REQUEST),
  nodeHttp: framework('node-http', 'node:http', 'unhandled'),
  nodeHttp2: framework('node-http2', 'node:http2', 'unhandled'),
  /** An exported `(req, res)` function with no framework import to say whose it is. */
  http: framework('http', 'HTTP', 'unhandled'),
  socketIo: framework('socket.io', 'socket.io', 'unhandled'),
  ws: framework('ws', 'ws', 'unhandled'),
  // Queue processors and consumers: a rejected promise fails the job or the message.
  bullmq: framework('bullmq', 'BullMQ', 'awaits'),
  bull: framework('bull', 'Bull', 'awaits'),
  kafkajs: framework('kafkajs', 'kafkajs', 'awaits'),
  // amqplib calls a consume handler and ignores what it returns.
  amqplib: framework('amqplib', 'amqplib', 'unhandled'),
} as const satisfies Readonly<Record<string, Framework>>;

/**
 * A framework named in `settings.unblock.handlers`. Nothing is known of its error handling, so
 * `unblock fix` will not make its handlers async.
 */
export function customFramework(name: string): Framework {
  return framework(`custom:${name}`, name, 'unhandled');
}
