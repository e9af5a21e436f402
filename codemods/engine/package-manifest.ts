// What the nearest package.json says about a dependency. A rewrite may depend on it: Express 4
// and 5 treat a rejected handler promise differently, and an old major of a library may lack
// the promise API a rewrite would call.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const majorByDirectory = new Map<string, number | undefined>();

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
  const manifest = nearestManifest(directory);
  const range = manifest?.dependencies?.[name] ?? manifest?.devDependencies?.[name] ?? manifest?.peerDependencies?.[name];
  const major = range === undefined ? undefined : majorOf(range, name);
  majorByDirectory.set(key, major);
  return major;
}

/**
 * Whether the nearest package.json has `name` among what a production install brings
 * (`dependencies`, `optionalDependencies` or `peerDependencies`): code that imports it at run time
 * needs it there. False without a package.json.
 */
export function declaresRuntimeDependency(directory: string, name: string): boolean {
  const manifest = nearestManifest(directory);
  return [manifest?.dependencies, manifest?.optionalDependencies, manifest?.peerDependencies].some((list) => list?.[name] !== undefined);
}

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

// One read per directory per run: many files share a package.json.
const manifestByDirectory = new Map<string, Manifest | undefined>();

/** The first readable package.json going up from `directory`, parsed; undefined when there is none. */
function nearestManifest(directory: string): Manifest | undefined {
  if (manifestByDirectory.has(directory)) return manifestByDirectory.get(directory);
  const parent = path.dirname(directory);
  // A missing or unreadable package.json says nothing: the next one up decides.
  const manifest = readManifest(path.join(directory, 'package.json')) ?? (parent === directory ? undefined : nearestManifest(parent));
  manifestByDirectory.set(directory, manifest);
  return manifest;
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
