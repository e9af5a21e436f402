import type { InstanceFactory, TypeTransition } from '../catalog/types.js';
import { FRAMEWORKS, type Framework } from './frameworks.js';
import type { DecoratorFramework, HandlerRegistrar, PluginRegistrar, TypeEvidence } from './types.js';

/**
 * How each supported framework creates its app objects and registers per-request code.
 * Handlers are recognised from these calls on objects traced to the framework's import, so a
 * `(req, res)` parameter list alone never makes a function a handler.
 */

const HTTP_VERBS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head'] as const;

function routeMethods(
  framework: Framework,
  receiver: string,
  extra: readonly string[],
  options: Partial<HandlerRegistrar> = {},
): HandlerRegistrar[] {
  return [...HTTP_VERBS, ...extra].map((method) => ({
    framework,
    receiver,
    method,
    role: 'route',
    handlers: { kind: 'functions' },
    returns: receiver,
    ...options,
  }));
}

const FASTIFY_REQUEST_HOOKS = [
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onError',
  'onSend',
  'onResponse',
  'onTimeout',
  'onRequestAbort',
] as const;

const FASTIFY_ROUTE_OPTION_KEYS = ['handler', 'errorHandler', ...FASTIFY_REQUEST_HOOKS];

export const FRAMEWORK_FACTORIES: readonly InstanceFactory[] = [
  { modules: ['express'], path: [], construct: 'call', produces: 'express.Application' },
  { modules: ['express'], path: ['Router'], construct: 'either', produces: 'express.Router' },
  { modules: ['router'], path: [], construct: 'either', produces: 'express.Router' },
  { modules: ['fastify'], path: [], construct: 'call', produces: 'fastify.Instance' },
  { modules: ['fastify'], path: ['fastify'], construct: 'call', produces: 'fastify.Instance' },
  { modules: ['koa'], path: [], construct: 'new', produces: 'koa.Application' },
  { modules: ['koa'], path: ['Koa'], construct: 'new', produces: 'koa.Application' },
  { modules: ['@koa/router', 'koa-router'], path: [], construct: 'either', produces: 'koa-router.Router' },
  { modules: ['@koa/router', 'koa-router'], path: ['Router'], construct: 'either', produces: 'koa-router.Router' },
  { modules: ['hono', 'hono/tiny', 'hono/quick'], path: ['Hono'], construct: 'new', produces: 'hono.Hono' },

  // Beyond HTTP: code that runs per message or per event on the loop.
  { modules: ['socket.io'], path: ['Server'], construct: 'new', produces: 'socket.io.Server' },
  { modules: ['socket.io'], path: [], construct: 'either', produces: 'socket.io.Server' },
  { modules: ['ws'], path: ['WebSocketServer'], construct: 'new', produces: 'ws.Server' },
  { modules: ['ws'], path: ['Server'], construct: 'new', produces: 'ws.Server' },
  { modules: ['bull'], path: [], construct: 'either', produces: 'bull.Queue' },
  { modules: ['bee-queue'], path: [], construct: 'new', produces: 'bull.Queue' },
  { modules: ['kafkajs'], path: ['Kafka'], construct: 'new', produces: 'kafkajs.Kafka' },
  { modules: ['amqplib'], path: ['connect'], construct: 'call', produces: 'amqplib.Connection' },
];

export const FRAMEWORK_TRANSITIONS: readonly TypeTransition[] = [
  { receiver: 'socket.io.Server', method: 'of', returns: 'socket.io.Server' },
  { receiver: 'kafkajs.Kafka', method: 'consumer', returns: 'kafkajs.Consumer' },
  { receiver: 'amqplib.Connection', method: 'createChannel', returns: 'amqplib.Channel' },
  { receiver: 'amqplib.Connection', method: 'createConfirmChannel', returns: 'amqplib.Channel' },
  { receiver: 'express.Application', method: 'route', returns: 'express.Route' },
  { receiver: 'express.Router', method: 'route', returns: 'express.Route' },
  { receiver: 'hono.Hono', method: 'basePath', returns: 'hono.Hono' },
  { receiver: 'fastify.Instance', method: 'withTypeProvider', returns: 'fastify.Instance' },
];

export const HANDLER_REGISTRARS: readonly HandlerRegistrar[] = [
  // Express and its Router; `use`, `all` and `param` take middleware too.
  ...['express.Application', 'express.Router'].flatMap((receiver) => [
    ...routeMethods(FRAMEWORKS.express, receiver, ['all']),
    { framework: FRAMEWORKS.express, receiver, method: 'use', role: 'middleware', handlers: { kind: 'functions' }, returns: receiver } as const,
    { framework: FRAMEWORKS.express, receiver, method: 'param', role: 'middleware', handlers: { kind: 'functions' }, returns: receiver } as const,
  ]),
  ...routeMethods(FRAMEWORKS.express, 'express.Route', ['all'], { returns: 'express.Route' }),

  // Fastify: shorthand routes (handler or options with hooks), route(), hooks, error handlers.
  ...routeMethods(FRAMEWORKS.fastify, 'fastify.Instance', ['all', 'search'], { optionKeys: FASTIFY_ROUTE_OPTION_KEYS }),
  {
    framework: FRAMEWORKS.fastify,
    receiver: 'fastify.Instance',
    method: 'route',
    role: 'route',
    handlers: { kind: 'options' },
    optionKeys: FASTIFY_ROUTE_OPTION_KEYS,
    returns: 'fastify.Instance',
  },
  {
    framework: FRAMEWORKS.fastify,
    receiver: 'fastify.Instance',
    method: 'addHook',
    role: 'hook',
    handlers: { kind: 'named', nameArgument: 0, names: FASTIFY_REQUEST_HOOKS },
    returns: 'fastify.Instance',
  },
  ...['setErrorHandler', 'setNotFoundHandler'].map(
    (method): HandlerRegistrar => ({
      framework: FRAMEWORKS.fastify,
      receiver: 'fastify.Instance',
      method,
      role: method === 'setErrorHandler' ? 'error-handler' : 'route',
      handlers: { kind: 'functions' },
      returns: 'fastify.Instance',
    }),
  ),

  // Koa middleware and koa-router routes.
  { framework: FRAMEWORKS.koa, receiver: 'koa.Application', method: 'use', role: 'middleware', handlers: { kind: 'functions' }, returns: 'koa.Application' },
  ...routeMethods(FRAMEWORKS.koaRouter, 'koa-router.Router', ['all', 'del']),
  { framework: FRAMEWORKS.koaRouter, receiver: 'koa-router.Router', method: 'use', role: 'middleware', handlers: { kind: 'functions' }, returns: 'koa-router.Router' },
  { framework: FRAMEWORKS.koaRouter, receiver: 'koa-router.Router', method: 'param', role: 'middleware', handlers: { kind: 'functions' }, returns: 'koa-router.Router' },

  // Hono.
  ...routeMethods(FRAMEWORKS.hono, 'hono.Hono', ['all', 'on']),
  { framework: FRAMEWORKS.hono, receiver: 'hono.Hono', method: 'use', role: 'middleware', handlers: { kind: 'functions' }, returns: 'hono.Hono' },
  ...['onError', 'notFound'].map(
    (method): HandlerRegistrar => ({
      framework: FRAMEWORKS.hono,
      receiver: 'hono.Hono',
      method,
      role: method === 'onError' ? 'error-handler' : 'route',
      handlers: { kind: 'functions' },
      returns: 'hono.Hono',
    }),
  ),

  // Node's own servers: the request listener runs per request.
  {
    framework: FRAMEWORKS.nodeHttp,
    modules: ['http', 'https'],
    path: ['createServer'],
    role: 'listener',
    handlers: { kind: 'functions' },
    returns: 'http.Server',
  },
  {
    framework: FRAMEWORKS.nodeHttp2,
    modules: ['http2'],
    path: ['createServer'],
    role: 'listener',
    handlers: { kind: 'functions' },
    returns: 'http.Server',
  },
  {
    framework: FRAMEWORKS.nodeHttp2,
    modules: ['http2'],
    path: ['createSecureServer'],
    role: 'listener',
    handlers: { kind: 'functions' },
    returns: 'http.Server',
  },
  ...['on', 'once', 'addListener', 'prependListener'].map(
    (method): HandlerRegistrar => ({
      framework: FRAMEWORKS.nodeHttp,
      receiver: 'http.Server',
      method,
      role: 'listener',
      handlers: { kind: 'named', nameArgument: 0, names: ['request', 'stream'] },
      returns: 'http.Server',
    }),
  ),

  // h3 / Nuxt server routes, Firebase and Google Cloud functions, Azure Functions.
  ...['defineEventHandler', 'eventHandler', 'defineCachedEventHandler'].map(
    (name): HandlerRegistrar => ({ framework: FRAMEWORKS.h3, modules: ['h3', '#imports'], path: [name], role: 'route', handlers: { kind: 'functions' } }),
  ),
  ...[['https', 'onRequest'], ['https', 'onCall'], ['onRequest'], ['onCall']].map(
    (path): HandlerRegistrar => ({
      framework: FRAMEWORKS.firebaseFunctions,
      modules: ['firebase-functions', 'firebase-functions/v1', 'firebase-functions/v2', 'firebase-functions/v2/https', 'firebase-functions/https'],
      path,
      role: 'route',
      handlers: { kind: 'functions' },
    }),
  ),
  ...['http', 'cloudEvent'].map(
    (name): HandlerRegistrar => ({
      framework: FRAMEWORKS.cloudFunctions,
      modules: ['@google-cloud/functions-framework'],
      path: [name],
      role: 'route',
      handlers: { kind: 'functions' },
    }),
  ),
  {
    framework: FRAMEWORKS.azureFunctions,
    modules: ['@azure/functions'],
    path: ['app', 'http'],
    role: 'route',
    handlers: { kind: 'options' },
    optionKeys: ['handler'],
  },

  // WebSocket servers: the connection callback and each socket's message handlers.
  {
    framework: FRAMEWORKS.socketIo,
    receiver: 'socket.io.Server',
    method: 'on',
    role: 'listener',
    family: 'websocket',
    handlers: { kind: 'named', nameArgument: 0, names: ['connection', 'connect'] },
    gives: { parameter: 0, type: 'socket.io.Socket' },
  },
  { framework: FRAMEWORKS.socketIo, receiver: 'socket.io.Server', method: 'use', role: 'middleware', family: 'websocket', handlers: { kind: 'functions' } },
  { framework: FRAMEWORKS.socketIo, receiver: 'socket.io.Socket', method: 'on', role: 'message', family: 'websocket', handlers: { kind: 'functions' } },
  { framework: FRAMEWORKS.socketIo, receiver: 'socket.io.Socket', method: 'use', role: 'middleware', family: 'websocket', handlers: { kind: 'functions' } },
  {
    framework: FRAMEWORKS.ws,
    receiver: 'ws.Server',
    method: 'on',
    role: 'listener',
    family: 'websocket',
    handlers: { kind: 'named', nameArgument: 0, names: ['connection'] },
    gives: { parameter: 0, type: 'ws.WebSocket' },
  },
  { framework: FRAMEWORKS.ws, receiver: 'ws.WebSocket', method: 'on', role: 'message', family: 'websocket', handlers: { kind: 'named', nameArgument: 0, names: ['message'] } },

  // Queues and brokers: a processor or consumer runs once per job or message.
  { framework: FRAMEWORKS.bullmq, modules: ['bullmq'], path: ['Worker'], role: 'job', family: 'messaging', handlers: { kind: 'functions' } },
  { framework: FRAMEWORKS.bull, receiver: 'bull.Queue', method: 'process', role: 'job', family: 'messaging', handlers: { kind: 'functions' } },
  { framework: FRAMEWORKS.kafkajs, receiver: 'kafkajs.Consumer', method: 'run', role: 'message', family: 'messaging', handlers: { kind: 'options' }, optionKeys: ['eachMessage', 'eachBatch'] },
  { framework: FRAMEWORKS.amqplib, receiver: 'amqplib.Channel', method: 'consume', role: 'message', family: 'messaging', handlers: { kind: 'functions' } },
];

/** Globals that register handlers without an import (Nuxt auto-imports h3's helpers). */
export const GLOBAL_HANDLER_FUNCTIONS: Readonly<Record<string, Framework>> = {
  defineEventHandler: FRAMEWORKS.h3,
  eventHandler: FRAMEWORKS.h3,
  defineCachedEventHandler: FRAMEWORKS.h3,
};

export const PLUGIN_REGISTRARS: readonly PluginRegistrar[] = [
  { receiver: 'fastify.Instance', method: 'register', argument: 0, parameter: 0, gives: 'fastify.Instance' },
  { modules: ['fastify-plugin'], path: [], argument: 0, parameter: 0, gives: 'fastify.Instance' },
  // amqplib's callback API hands the connection and the channel to callbacks: `connect(url, [options], (err, conn) => …)`,
  // `conn.createChannel((err, ch) => …)`; `ch.consume` then registers as with the promise API.
  { modules: ['amqplib/callback_api'], path: ['connect'], argument: 'last', parameter: 1, gives: 'amqplib.Connection' },
  { receiver: 'amqplib.Connection', method: 'createChannel', argument: 0, parameter: 1, gives: 'amqplib.Channel' },
  { receiver: 'amqplib.Connection', method: 'createConfirmChannel', argument: 0, parameter: 1, gives: 'amqplib.Channel' },
];

export const TYPE_EVIDENCE: readonly TypeEvidence[] = [
  { modules: ['express'], names: ['Express', 'Application'], instance: 'express.Application' },
  { modules: ['express'], names: ['Router', 'IRouter'], instance: 'express.Router' },
  { modules: ['fastify'], names: ['FastifyInstance'], instance: 'fastify.Instance' },
  { modules: ['koa'], names: ['Koa', 'default'], instance: 'koa.Application' },
  { modules: ['@koa/router', 'koa-router'], names: ['Router', 'default'], instance: 'koa-router.Router' },
  { modules: ['hono'], names: ['Hono'], instance: 'hono.Hono' },
  {
    modules: ['express'],
    names: ['Request', 'Response', 'NextFunction', 'RequestHandler', 'ErrorRequestHandler'],
    handler: { framework: FRAMEWORKS.express, role: 'route' },
  },
  { modules: ['fastify'], names: ['FastifyRequest', 'FastifyReply'], handler: { framework: FRAMEWORKS.fastify, role: 'route' } },
  { modules: ['koa'], names: ['Context', 'ParameterizedContext', 'Next', 'Middleware', 'DefaultContext'], handler: { framework: FRAMEWORKS.koa, role: 'middleware' } },
  { modules: ['@koa/router', 'koa-router'], names: ['RouterContext', 'Middleware'], handler: { framework: FRAMEWORKS.koaRouter, role: 'route' } },
  { modules: ['hono'], names: ['Context'], handler: { framework: FRAMEWORKS.hono, role: 'route' } },
  { modules: ['next'], names: ['NextApiRequest', 'NextApiResponse'], handler: { framework: FRAMEWORKS.nextjs, role: 'route' } },
  { modules: ['next/server'], names: ['NextRequest'], handler: { framework: FRAMEWORKS.nextjs, role: 'route' } },
  { modules: ['http', 'http2'], names: ['IncomingMessage', 'ServerResponse', 'Http2ServerRequest', 'Http2ServerResponse'], handler: { framework: FRAMEWORKS.nodeHttp, role: 'listener' } },
  {
    modules: ['aws-lambda'],
    names: ['APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayProxyHandler', 'Handler', 'SQSEvent', 'ALBEvent', 'Context'],
    handler: { framework: FRAMEWORKS.awsLambda, role: 'route' },
  },
];

export const DECORATOR_FRAMEWORKS: readonly DecoratorFramework[] = [
  {
    framework: FRAMEWORKS.nestjs,
    modules: ['@nestjs/common'],
    classDecorators: ['Controller'],
    methodDecorators: {
      Get: 'GET',
      Post: 'POST',
      Put: 'PUT',
      Delete: 'DELETE',
      Patch: 'PATCH',
      Options: 'OPTIONS',
      Head: 'HEAD',
      All: 'ALL',
      Search: 'SEARCH',
      Sse: 'SSE',
    },
    perRequestInterfaces: {
      CanActivate: 'canActivate',
      NestInterceptor: 'intercept',
      NestMiddleware: 'use',
      PipeTransform: 'transform',
      ExceptionFilter: 'catch',
    },
  },
  {
    framework: FRAMEWORKS.nestjsGraphql,
    modules: ['@nestjs/graphql'],
    classDecorators: ['Resolver'],
    methodDecorators: { Query: 'query', Mutation: 'mutation', ResolveField: 'field', Subscription: 'subscription' },
  },
  // Per-event methods of NestJS providers: schedules, microservice patterns, gateway messages.
  {
    framework: FRAMEWORKS.nestjs,
    modules: ['@nestjs/schedule'],
    classDecorators: [],
    role: 'schedule',
    family: 'scheduled',
    methodDecorators: { Cron: 'cron', Interval: 'interval', Timeout: 'timeout' },
  },
  {
    framework: FRAMEWORKS.nestjs,
    modules: ['@nestjs/microservices'],
    classDecorators: [],
    role: 'message',
    family: 'messaging',
    methodDecorators: { MessagePattern: 'message pattern', EventPattern: 'event pattern' },
  },
  {
    framework: FRAMEWORKS.nestjs,
    modules: ['@nestjs/websockets'],
    classDecorators: ['WebSocketGateway'],
    role: 'message',
    family: 'websocket',
    methodDecorators: { SubscribeMessage: 'message' },
  },
  {
    framework: FRAMEWORKS.routingControllers,
    modules: ['routing-controllers'],
    classDecorators: ['Controller', 'JsonController'],
    methodDecorators: { Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', Head: 'HEAD', All: 'ALL' },
  },
];

/** Next.js App Router (and SvelteKit, Astro) route handlers are exported by HTTP verb. */
export const EXPORTED_VERB_HANDLERS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Remix / React Router data functions run per request on the server. */
export const EXPORTED_ROUTE_DATA_FUNCTIONS = ['loader', 'action'] as const;

/** AWS Lambda's conventional export. */
export const LAMBDA_HANDLER_EXPORTS = ['handler'] as const;
