// Wires `unblock list` into commander.

import type { Command } from 'commander';

import type { CommandIo } from '../io.js';
import { list } from './list.js';

/** Adds `unblock list` to `program`. */
export function register(program: Command, io: CommandIo): Command {
  return program
    .command('list')
    .description('List the rules (and, with --apis, every blocking API the catalog knows)')
    .option('--apis', 'also list the blocking APIs')
    .option('--json', 'print JSON')
    .action((options: { apis?: boolean; json?: boolean }) => {
      io.stdout(list(options));
    });
}
