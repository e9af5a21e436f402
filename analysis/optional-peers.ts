// Packages that only some of unblock's jobs need: TypeScript for typed linting and for reading
// files from the command line, typescript-eslint's parser and type utilities, and ts-morph for
// the whole-program codemod. They are optional peer dependencies, so that a JavaScript project
// that only lints installs none of them (TypeScript alone is larger than all the rest; see
// docs/performance.md). Each is loaded where it is first needed, and a missing one stops that
// job with a message that says what to install.

import { createRequire } from 'node:module';

/** What each optional peer is for, and the packages to install for it (TypeScript with the parser). */
const PEERS = {
  typescript: { install: ['typescript'] },
  '@typescript-eslint/parser': { install: ['@typescript-eslint/parser', 'typescript'] },
  '@typescript-eslint/type-utils': { install: ['@typescript-eslint/type-utils', 'typescript'] },
  'ts-morph': { install: ['ts-morph'] },
} as const;

export type OptionalPeer = keyof typeof PEERS;

/** Every optional peer, as package.json must declare them. */
export const OPTIONAL_PEERS = Object.keys(PEERS) as OptionalPeer[];

/** Thrown when a job needs an optional peer dependency that is not installed. */
export class MissingPeerError extends Error {
  override name = 'MissingPeerError';
  readonly code = 'UNBLOCK_MISSING_PEER';
  /** The package that could not be found (TypeScript itself, when the parser is there but it is not). */
  readonly packageName: string;

  constructor(packageName: string, purpose: string, install: readonly string[]) {
    super(`${purpose} needs ${packageName}, which is not installed; install it with \`npm install --save-dev ${install.join(' ')}\``);
    this.packageName = packageName;
  }
}

const require = createRequire(import.meta.url);
const loaded = new Map<OptionalPeer, unknown>();

/**
 * The optional peer `name`, loaded from the project (where npm puts peers) on first use. `purpose`
 * says what needed it, for the message if it is missing: "typed linting (recommended-type-checked)".
 */
export function requirePeer<T>(name: OptionalPeer, purpose: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  let value: unknown;
  try {
    value = require(name);
  } catch (error) {
    throw missingPeer(error, name, purpose) ?? error;
  }
  loaded.set(name, value);
  return value as T;
}

/**
 * The error to throw for a failed load of `name`: a MissingPeerError naming the package that was
 * not found, whether `name` itself or a peer of its own (the parser without TypeScript), or
 * undefined when the failure was something else, which the caller rethrows as it is.
 */
export function missingPeer(error: unknown, name: OptionalPeer, purpose: string): MissingPeerError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
  const packageName = missing !== undefined && isPeerName(missing) ? missing : undefined;
  if (packageName === undefined) return undefined;
  const install = packageName === name ? PEERS[name].install : isPeerName(packageName) ? PEERS[packageName].install : [packageName];
  return new MissingPeerError(packageName, purpose, install);
}

function isPeerName(name: string): name is OptionalPeer {
  return Object.hasOwn(PEERS, name);
}
