import type { Framework } from './frameworks.js';

/** The vocabulary of the handler knowledge: how each framework registers code that runs per request. */

export type HandlerRole = 'error-handler' | 'hook' | 'job' | 'listener' | 'message' | 'middleware' | 'route' | 'schedule';

/**
 * What a handler serves: HTTP requests, or work that also runs per event on the loop: queue and
 * broker messages, WebSocket messages, scheduled tasks. `settings.unblock.handlerFamilies` can turn
 * the non-HTTP families off.
 */
export type HandlerFamily = 'http' | 'messaging' | 'scheduled' | 'websocket';

export interface HandlerInfo {
  /** Whose handler it is: the name messages show, and what the framework does with a rejected promise. */
  readonly framework: Framework;
  readonly role: HandlerRole;
  /** `GET /users`, `onRequest`, or the exported name; undefined when nothing better is known. */
  readonly label?: string;
  /** Undefined means `http`. */
  readonly family?: HandlerFamily;
}

/** Which arguments of a registering call carry handler functions. */
export type HandlerArguments =
  /** Every function argument, arrays of them, and functions wrapped in a call (`asyncHandler(fn)`). */
  | { readonly kind: 'functions' }
  /** `on('request', fn)`, `addHook('onRequest', fn)`: only when the name argument is one of `names`. */
  | { readonly kind: 'named'; readonly nameArgument: number; readonly names: readonly string[] }
  /** Only the listed properties of object arguments (Fastify's `route({ handler })`). */
  | { readonly kind: 'options' };

/** A call that registers handlers: a method of a framework object, or a module's export. */
export interface HandlerRegistrar {
  readonly framework: Framework;
  /** Either an instance type and method… */
  readonly receiver?: string;
  readonly method?: string;
  /** …or module exports and a path. */
  readonly modules?: readonly string[];
  readonly path?: readonly string[];
  readonly role: HandlerRole;
  /** HTTP verb for labels; `method` upper-cased when absent and the role is `route`. */
  readonly verb?: string;
  readonly handlers: HandlerArguments;
  /** Properties of object arguments that hold handlers. */
  readonly optionKeys?: readonly string[];
  /** The type the call returns, for chains (`app.get(…).post(…)`, `http.createServer` → Server). */
  readonly returns?: string;
  readonly family?: HandlerFamily;
  /** A handler parameter that receives a framework object (`io.on('connection', (socket) => …)`). */
  readonly gives?: { readonly parameter: number; readonly type: string };
}

/** A call whose function argument receives a framework object as a parameter (Fastify plugins). */
export interface PluginRegistrar {
  readonly receiver?: string;
  readonly method?: string;
  readonly modules?: readonly string[];
  readonly path?: readonly string[];
  /** Which argument is the function: an index, or `last` for a callback after optional arguments. */
  readonly argument: number | 'last';
  readonly parameter: number;
  readonly gives: string;
}

/** A framework type name that, used as a parameter's annotation, tells what the parameter holds. */
export interface TypeEvidence {
  readonly modules: readonly string[];
  readonly names: readonly string[];
  /** The parameter is this framework object (`app: FastifyInstance`)… */
  readonly instance?: string;
  /** …or the function is a handler (`req: Request` from express). */
  readonly handler?: HandlerInfo;
}

/** Decorator-based controllers (NestJS, routing-controllers). */
export interface DecoratorFramework {
  readonly framework: Framework;
  readonly modules: readonly string[];
  /** Class decorators that make a class a controller; empty when the method decorators count in any class. */
  readonly classDecorators: readonly string[];
  /** Role of the decorated methods. Default: `route`. */
  readonly role?: HandlerRole;
  readonly family?: HandlerFamily;
  /** Method decorator → HTTP verb (or operation kind for GraphQL). */
  readonly methodDecorators: Readonly<Record<string, string>>;
  /** Interfaces whose methods run per request when a class implements them (`CanActivate.canActivate`). */
  readonly perRequestInterfaces?: Readonly<Record<string, string>>;
}
