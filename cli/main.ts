import { Command, CommanderError } from 'commander';

import { VERSION } from '../rules/version.js';
import * as fix from './fix/command.js';
import { processIo, type CliIo, type CommandIo } from './io.js';
import * as list from './list/command.js';
import * as mergeSarif from './merge-sarif/command.js';
import * as scan from './scan/command.js';
import * as trace from './trace/command.js';

/** Every subcommand, in the order `unblock --help` lists them; each adds itself with `register`. */
const COMMANDS = [scan, fix, list, trace, mergeSarif] as const;

/** Runs the `unblock` command line and resolves to its exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('unblock')
    .description('Find and fix blocking calls on the Node.js event loop.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `unblock --help` for usage)');

  const commandIo: CommandIo = {
    ...io,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  for (const command of COMMANDS) command.register(program, commandIo);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr(`unblock: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return exitCode;
}
