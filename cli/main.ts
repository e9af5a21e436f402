import { Command, CommanderError, Option } from 'commander';

import { VERSION } from '../rules/version.js';
import { defineFixCommand } from './fix/command.js';
import { list } from './list/list.js';
import { terminalProgress, type ProgressFactory } from './progress.js';
import { formatScanReport } from './scan/output.js';
import { scan, scanExitCode, type ScanFormat } from './scan/scan.js';
import { registerTrace } from './trace/command.js';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Draws progress for long runs; absent in tests, so their output has no escape codes. */
  readonly progress?: ProgressFactory;
}

const defaultIo: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: terminalProgress(process.stderr),
};

/** Runs the `unblock` command line and resolves to its exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('unblock')
    .description('Find and fix blocking calls on the Node.js event loop.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `unblock --help` for usage)');

  program
    .command('scan')
    .description('Report blocking calls in async functions and request handlers (recommended rules, no ESLint config needed)')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('--format <name>', 'output format (sarif: for code scanning uploads)').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--max-findings <n>', 'exit 0 while at most n blocking calls are reported (default: 0)')
    .addOption(new Option('--max-warnings <n>', 'the same as --max-findings, as ESLint spells it').conflicts('maxFindings'))
    .option('--baseline <file>', 'report only blocking calls that the baseline file does not record')
    .addOption(new Option('--write-baseline <file>', 'record every current blocking call in the file, and report none').conflicts('baseline'))
    .action(async (paths: string[], options: { format: ScanFormat; maxFindings?: string; maxWarnings?: string; baseline?: string; writeBaseline?: string }) => {
      const { format, ...gates } = options;
      const report = await scan({ paths, cwd: io.cwd, ...gates });
      const output = await formatScanReport(report, format, io.cwd);
      io.stdout(output.stdout);
      io.stderr(output.stderr);
      exitCode = scanExitCode(report);
    });

  defineFixCommand(program.command('fix'), io, (code) => {
    exitCode = code;
  });

  program
    .command('list')
    .description('List the rules (and, with --apis, every blocking API the catalog knows)')
    .option('--apis', 'also list the blocking APIs')
    .option('--json', 'print JSON')
    .action((options: { apis?: boolean; json?: boolean }) => {
      io.stdout(list(options));
    });

  registerTrace(program, io, (code) => {
    exitCode = code;
  });

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
