// Executor options: their defaults, and validation whose errors name the option.
// docs/runtime.md ("Sizing") gives the measurements behind each default.

import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { InvalidOptionError } from './errors.js';

export interface ExecutorOptions {
  /** Most worker threads. Default: the number of CPUs the process may use. */
  readonly maxWorkers?: number;
  /** Workers started at once and kept however idle. Default: 0 (start on demand). */
  readonly minWorkers?: number;
  /** Most tasks waiting for a worker; beyond it `submit` rejects at once. Default: Infinity. */
  readonly maxQueue?: number;
  /** How long a worker above `minWorkers` may sit idle before it ends. Default: 30 000 ms. */
  readonly idleTimeoutMs?: number;
  /** V8 heap and stack limits for each worker; a worker that exceeds them fails only its task. */
  readonly resourceLimits?: ResourceLimits;
  /** Shown in errors and warnings. Default: "unblock". */
  readonly name?: string;
}

export interface ResolvedOptions {
  readonly maxWorkers: number;
  readonly minWorkers: number;
  readonly maxQueue: number;
  readonly idleTimeoutMs: number;
  readonly resourceLimits: ResourceLimits | undefined;
  readonly name: string;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export function defaultMaxWorkers(): number {
  return Math.max(1, availableParallelism());
}

const KNOWN = ['maxWorkers', 'minWorkers', 'maxQueue', 'idleTimeoutMs', 'resourceLimits', 'name'] as const;
const RESOURCE_LIMIT_KEYS = ['maxOldGenerationSizeMb', 'maxYoungGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'] as const;
// setTimeout clamps anything above this to 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function resolveOptions(input: unknown): ResolvedOptions {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidOptionError('options', 'an object', input);
  }
  const options = input as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!(KNOWN as readonly string[]).includes(key)) {
      throw new InvalidOptionError(key, `one of ${KNOWN.join(', ')} (unknown option)`, options[key]);
    }
  }

  const maxGiven = options['maxWorkers'] !== undefined;
  let maxWorkers = maxGiven ? integer(options, 'maxWorkers', 1) : defaultMaxWorkers();
  const minWorkers = options['minWorkers'] === undefined ? 0 : integer(options, 'minWorkers', 0);
  if (minWorkers > maxWorkers) {
    if (maxGiven) throw new InvalidOptionError('minWorkers', `at most maxWorkers (${maxWorkers})`, minWorkers);
    maxWorkers = minWorkers;
  }

  return {
    maxWorkers,
    minWorkers,
    maxQueue: options['maxQueue'] === undefined ? Infinity : integerOrInfinity(options, 'maxQueue', 0),
    idleTimeoutMs: options['idleTimeoutMs'] === undefined ? DEFAULT_IDLE_TIMEOUT_MS : idleTimeout(options),
    resourceLimits: options['resourceLimits'] === undefined ? undefined : resourceLimits(options['resourceLimits']),
    name: options['name'] === undefined ? 'unblock' : nonEmptyString(options, 'name'),
  };
}

function integer(options: Record<string, unknown>, key: string, min: number): number {
  const value = options[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidOptionError(key, `an integer ≥ ${min}`, value);
  }
  return value;
}

function integerOrInfinity(options: Record<string, unknown>, key: string, min: number): number {
  return options[key] === Infinity ? Infinity : integer(options, key, min);
}

function idleTimeout(options: Record<string, unknown>): number {
  const value = options['idleTimeoutMs'];
  if (value === Infinity) return Infinity;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new InvalidOptionError('idleTimeoutMs', `a number of milliseconds from 0 to ${MAX_TIMER_MS}, or Infinity`, value);
  }
  return value;
}

function resourceLimits(value: unknown): ResourceLimits {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError('resourceLimits', 'an object', value);
  }
  const limits = value as Record<string, unknown>;
  for (const key of Object.keys(limits)) {
    const limit = limits[key];
    if (!(RESOURCE_LIMIT_KEYS as readonly string[]).includes(key)) {
      throw new InvalidOptionError(`resourceLimits.${key}`, `one of ${RESOURCE_LIMIT_KEYS.join(', ')} (unknown limit)`, limit);
    }
    if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) {
      throw new InvalidOptionError(`resourceLimits.${key}`, 'a positive number of megabytes', limit);
    }
  }
  return { ...limits };
}

function nonEmptyString(options: Record<string, unknown>, key: string): string {
  const value = options[key];
  if (typeof value !== 'string' || value.length === 0) throw new InvalidOptionError(key, 'a non-empty string', value);
  return value;
}
