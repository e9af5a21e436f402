// Wires `unblock merge-sarif` into commander: the merged log goes to stdout.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import type { CommandIo } from '../io.js';
import { mergeSarifLogs } from './merge.js';

/** Adds `unblock merge-sarif` to `program`. */
export function register(program: Command, io: CommandIo): Command {
  return program
    .command('merge-sarif')
    .description('Merge the SARIF logs of a sharded scan (scan --shard i/n --format sarif) into one log, for one code scanning upload')
    .argument('<files...>', 'SARIF files written by unblock scan')
    .action(async (files: string[]) => {
      const logs = await Promise.all(
        files.map(async (file) => {
          const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
            throw new Error(`merge-sarif: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
          });
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new Error(`merge-sarif: ${file} is not JSON`);
          }
        }),
      );
      io.stdout(`${JSON.stringify(mergeSarifLogs(logs, files), null, 2)}\n`);
    });
}
