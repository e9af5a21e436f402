import type { SchemaObject } from 'ajv';

/** Families a user's blocking API may belong to; `sleep` entries are reported by `no-busy-wait`. */
export const FAMILY_NAMES = [
  'archive',
  'child_process',
  'compression',
  'crypto',
  'fs',
  'glob',
  'http',
  'password-hashing',
  'sleep',
  'spawn',
  'spreadsheet',
  'sqlite',
  'zlib',
  'user',
] as const;

const exportPath: SchemaObject = {
  description: "An export path: a dotted string ('querySync', 'resize.sync'), an array of names, or '' / [] for the module itself.",
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string', minLength: 1 } }],
};

const blockingApiCommon = {
  family: { type: 'string', enum: [...FAMILY_NAMES], description: 'The family the API belongs to, for messages and `allow: ["family:…"]`. Default `user`.' },
  severity: { type: 'string', enum: ['high', 'low'], description: '`low` entries are reported only with the `includeLowSeverity` option. Default `high`.' },
  replacement: { type: 'string', minLength: 1, description: 'The advice shown in the message, e.g. "use `db.query`". Default: offload it.' },
} satisfies Record<string, SchemaObject>;

const moduleBlockingApi: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['module', 'path'],
  description: 'A blocking export of a module.',
  properties: {
    module: { type: 'string', minLength: 1, description: "The specifier it is imported from, e.g. 'legacy-db' or 'node:fs'." },
    path: exportPath,
    ...blockingApiCommon,
  },
};

const typeBlockingApi: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  description: 'Blocking methods of a type (needs type information).',
  properties: {
    type: {
      type: 'object',
      required: ['from'],
      description: "A typescript-eslint TypeOrValueSpecifier, e.g. { from: 'package', package: 'pg-native', name: 'Client' }.",
      properties: { from: { type: 'string', enum: ['file', 'lib', 'package'] } },
    },
    methods: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'The blocking methods; omit for every method of the type.' },
    ...blockingApiCommon,
  },
};

const frameworkName: SchemaObject = { type: 'string', minLength: 1, description: 'Name used in messages.' };
const nameList = (description: string): SchemaObject => ({ type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description });

const registrarHandler: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['module', 'methods'],
  description: 'Objects made by `factory` of `module` whose `methods` register handlers.',
  properties: {
    module: { type: 'string', minLength: 1, description: 'The framework module.' },
    factory: { ...exportPath, description: 'The export that creates the app or router; omit for the module itself.' },
    construct: { type: 'string', enum: ['call', 'new', 'either'], description: 'How the factory is invoked. Default `either`.' },
    methods: nameList('Methods whose function arguments are handlers.'),
    framework: frameworkName,
  },
};

const exportHandler: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['exports'],
  description: 'Exported functions with these names are handlers.',
  properties: { exports: nameList('Export names, e.g. ["handle"].'), framework: frameworkName },
};

const decoratorHandler: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['module', 'decorators'],
  description: 'Class methods decorated with one of these decorators from `module` are handlers.',
  properties: {
    module: { type: 'string', minLength: 1, description: 'The module the decorators are imported from.' },
    decorators: nameList('Decorator names.'),
    framework: frameworkName,
  },
};

/**
 * The JSON Schema of `settings.unblock`. ESLint validates rule options against their schemas but
 * never looks at `settings`; unblock validates them against this one (see settings.ts). Unions are
 * written as if/then/else on their distinguishing key, so that an error comes from the form the
 * user meant rather than from every form at once.
 */
export const SETTINGS_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  description: 'Settings shared by every unblock rule.',
  properties: {
    blockingApis: {
      type: 'array',
      description: 'Blocking APIs to report on top of the built-in catalog.',
      items: { type: 'object', if: { required: ['type'] }, then: typeBlockingApi, else: moduleBlockingApi },
    },
    offloadWrappers: {
      type: 'array',
      description: "Functions whose callback runs off the event loop ('runInPool', 'workers.exec'); added to offload, runInExecutor and submit.",
      items: { type: 'string', minLength: 1 },
    },
    handlers: {
      type: 'array',
      description: 'More ways your framework registers per-request code.',
      items: {
        type: 'object',
        if: { required: ['exports'] },
        then: exportHandler,
        else: { if: { required: ['decorators'] }, then: decoratorHandler, else: registrarHandler },
      },
    },
    handlerFamilies: {
      type: 'object',
      additionalProperties: false,
      description: 'Which kinds of per-event code count as handlers besides HTTP. Each is on unless set to false.',
      properties: {
        messaging: { type: 'boolean', description: 'Queue processors and broker consumers: BullMQ, Bull, bee-queue, kafkajs, amqplib, NestJS @MessagePattern/@EventPattern.' },
        websocket: { type: 'boolean', description: 'WebSocket connection and message handlers: socket.io, ws, NestJS @SubscribeMessage.' },
        scheduled: { type: 'boolean', description: 'Scheduled tasks: NestJS @Cron, @Interval and @Timeout.' },
      },
    },
  },
};
