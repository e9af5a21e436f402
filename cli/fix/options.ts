// Turns `unblock fix`'s raw options into what the run needs, rejecting bad
// input with a message that names the option, before any file is touched.

import { stat } from 'node:fs/promises';
import path from 'node:path';

import { InvalidArgumentError } from 'commander';

import type { Codemod, ProgramCodemod } from '../../codemods/engine/types.js';
import { parseShard, type Shard } from '../../codemods/engine/shard.js';
import { CODEMODS, PROGRAM_CODEMODS, codemodNames } from '../../codemods/registry.js';
import { isSourceFile } from '../files.js';

/** `--codemod a,b --codemod c`: repeatable and comma-separated; every name must exist. */
export function collectCodemodNames(value: string, previous: readonly string[]): string[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new InvalidArgumentError(`name a codemod: ${codemodNames().join(', ')}`);
  const unknown = names.filter((name) => !codemodNames().includes(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(`unknown codemod ${unknown.map((name) => `"${name}"`).join(', ')}; the codemods are: ${codemodNames().join(', ')}`);
  }
  return [...previous, ...names];
}

export interface SelectedCodemods {
  readonly codemods: Codemod[];
  readonly programCodemods: ProgramCodemod[];
}

/**
 * The chosen codemods in registry order (the order they run in), or all of them when none was
 * named; the whole-program ones loaded, which fails with a MissingPeerError when one's optional
 * peer dependency is not installed.
 */
export async function selectCodemods(names: readonly string[]): Promise<SelectedCodemods> {
  const chosen = <T extends { readonly name: string }>(list: readonly T[]): T[] => (names.length === 0 ? [...list] : list.filter((codemod) => names.includes(codemod.name)));
  return { codemods: chosen(CODEMODS), programCodemods: await Promise.all(chosen(PROGRAM_CODEMODS).map((entry) => entry.load())) };
}

export function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** `unblock fix` has no --format: its output is a diff (--dry) or a JSON report (--json). */
export function noFormatOption(value: string): never {
  const hint = value === 'json' ? 'for a JSON report, use --json (or --json <file>)' : 'the diff comes with --dry, a JSON report with --json';
  throw new InvalidArgumentError(`unblock fix has no --format (that is unblock scan's); ${hint}`);
}

export type JsonTarget = { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly path: string };

/**
 * `--json` alone (or `--json -`) means stdout; `--json FILE` a file. Because the file is optional,
 * `--json src` reads `src` as the file: refuse a directory or a source file rather than clobber it.
 */
export async function jsonTarget(value: string | boolean | undefined, cwd: string): Promise<JsonTarget | undefined> {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === '-') return { kind: 'stdout' };
  const target = path.resolve(cwd, value);
  const info = await stat(target).catch(() => undefined);
  if (info?.isDirectory() || isSourceFile(target)) {
    throw new Error(`--json ${value}: that is ${info?.isDirectory() ? 'a directory' : 'a source file'}, not a report file; put the paths before --json, or write --json=report.json`);
  }
  return { kind: 'file', path: target };
}
