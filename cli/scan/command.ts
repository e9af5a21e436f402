// Wires `unblock scan` into commander. The report goes to stdout in the chosen format;
// problems with the input and the summary go to stderr.

import { Option, type Command } from 'commander';

import type { CommandIo } from '../io.js';
import { formatScanReport } from './output.js';
import { scan, scanExitCode, type ScanFormat } from './scan.js';

interface RawScanOptions {
  readonly format: ScanFormat;
  readonly maxFindings?: string;
  readonly maxWarnings?: string;
  readonly baseline?: string;
  readonly writeBaseline?: string;
  readonly typed?: boolean;
  readonly includeGenerated?: boolean;
  readonly concurrency?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly shard?: string;
}

/** Adds `unblock scan` to `program`. */
export function register(program: Command, io: CommandIo): Command {
  return program
    .command('scan')
    .description('Report blocking calls in async functions and request handlers (recommended rules, no ESLint config needed)')
    .argument('[paths...]', 'files or directories to scan', ['.'])
    .addOption(new Option('--format <name>', 'output format (sarif: for code scanning uploads)').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--max-findings <n>', 'exit 0 while at most n blocking calls are reported (default: 0)')
    .addOption(new Option('--max-warnings <n>', 'the same as --max-findings, as ESLint spells it').conflicts('maxFindings'))
    .option('--baseline <file>', 'report only blocking calls that the baseline file does not record')
    .addOption(new Option('--write-baseline <file>', 'record every current blocking call in the file, and report none').conflicts('baseline'))
    .option('--typed', 'use type information (a TypeScript program of the files, JavaScript included); the default when a tsconfig.json or jsconfig.json governs them')
    .option('--no-typed', 'read the files by syntax alone, even where a tsconfig.json or jsconfig.json exists')
    .addOption(new Option('--type-check', 'the same as --typed').hideHelp().implies({ typed: true }))
    .option('--include-generated', 'also scan files that look generated or minified (skipped by default, with a note)')
    .option('--concurrency <n>', 'lint on several threads: auto (one per core), off, or a number')
    .option('--cache', 'reuse the findings of files that did not change, nor did anything they import')
    .option('--cache-location <path>', 'the cache file, or a directory for it (default: .unblockcache)')
    .option('--shard <i/n>', 'scan only shard i of n (for a CI matrix; the same split as fix --shard)')
    .action(async (paths: string[], options: RawScanOptions) => {
      const { format, ...gates } = options;
      const report = await scan({ paths, cwd: io.cwd, ...gates, ...(io.progress ? { progress: io.progress } : {}) });
      const output = await formatScanReport(report, format, io.cwd);
      io.stdout(output.stdout);
      io.stderr(output.stderr);
      io.setExitCode(scanExitCode(report));
    });
}
