// Whether a framework turns a handler's rejected promise into an error
// response. Only then may a codemod make a sync handler async: elsewhere a
// rejection escapes as an unhandled rejection instead of a 500.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { HandlerInfo } from '../../analysis/frameworks/types.js';

export type AsyncPolicy =
  /** The framework awaits what the handler returns and handles rejections. */
  | { readonly kind: 'await' }
  /** Express 4 and look-alikes: errors must reach `next`. */
  | { readonly kind: 'next' }
  | { readonly kind: 'refuse'; readonly reason: string };

const AWAITING_FRAMEWORKS = new Set([
  'Fastify',
  'Koa',
  'koa-router',
  'Hono',
  'NestJS',
  'NestJS GraphQL',
  'Next.js',
  'Remix',
  'h3',
  'routing-controllers',
  'AWS Lambda',
  'Azure Functions',
  // Queue processors and consumers: a rejected promise fails the job or message.
  'BullMQ',
  'Bull',
  'kafkajs',
]);
const EXPRESS_LIKE = new Set(['Express', 'Express-style']);

// One lookup per directory and package per run: many files share a package.json.
const majorByDirectory = new Map<string, number | undefined>();

export function asyncPolicy(handler: HandlerInfo, filePath: string): AsyncPolicy {
  if (AWAITING_FRAMEWORKS.has(handler.framework)) return { kind: 'await' };
  if (EXPRESS_LIKE.has(handler.framework)) {
    const major = expressMajor(path.dirname(path.resolve(filePath)));
    // Express 5 forwards a rejected promise to the error handler; 4 does not.
    return major !== undefined && major >= 5 ? { kind: 'await' } : { kind: 'next' };
  }
  return {
    kind: 'refuse',
    reason: `${handler.framework} does not handle a rejected promise from a handler; make the blocking call async by hand, with the error handling it needs`,
  };
}

/** The major version of `express` that the nearest package.json depends on, if it says. */
export function expressMajor(directory: string): number | undefined {
  return dependencyMajor(directory, 'express');
}

/**
 * The major version of `name` that the nearest package.json declares (dependencies, dev or
 * peer), if it says: the first package.json found going up from `directory` decides.
 */
export function dependencyMajor(directory: string, name: string): number | undefined {
  const key = `${name}\0${directory}`;
  if (majorByDirectory.has(key)) return majorByDirectory.get(key);
  let major: number | undefined;
  const manifest = readManifest(path.join(directory, 'package.json'));
  if (manifest) {
    const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name] ?? manifest.peerDependencies?.[name];
    major = range === undefined ? undefined : majorOf(range, name);
  } else {
    const parent = path.dirname(directory);
    major = parent === directory ? undefined : dependencyMajor(parent, name);
  }
  majorByDirectory.set(key, major);
  return major;
}

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

function readManifest(file: string): Manifest | undefined {
  try {
    // A CLI run reads each package.json once (cached above); a sync read keeps the codemod a pure function.
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** `^5.1.0` → 5, `~4.18` → 4, `>=5` → 5, `npm:express@5` → 5; undefined for tags and URLs. */
function majorOf(range: string, name: string): number | undefined {
  const match = /(\d+)/.exec(range.replace(new RegExp(`^npm:${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@`), ''));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
