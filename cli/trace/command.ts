// Wires `unblock trace -- <command>` into commander. The command's stdout passes
// through to stdout and its stderr, minus the trace warnings, to stderr; the
// report goes to stderr after it, or as JSON to stdout with --json (the
// command's stdout then goes to stderr, so that stdout is one JSON document).

import { stat } from 'node:fs/promises';
import path from 'node:path';

import { Option, type Command } from 'commander';

import { requireParser } from '../../analysis/parser-options.js';
import type { CommandIo } from '../io.js';
import { formatTraceReport, traceReportJson } from './output.js';
import { trace, traceExitCode } from './trace.js';

interface RawTraceOptions {
  readonly json?: boolean;
  readonly failOnUnmatched?: boolean;
  readonly includeNodeModules?: boolean;
  readonly shim: boolean;
  readonly scan: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Adds `unblock trace` to `program`. */
export function register(program: Command, io: CommandIo): Command {
  return program
    .command('trace')
    .usage('[options] -- <command...>')
    .description('Run a command under `node --trace-sync-io` and compare the sync calls it makes with what the rules report (see docs/trace.md)')
    .argument('<command...>', 'the command to run, after `--` (a test suite, a smoke test of a server)')
    .option('--json', 'print the report as JSON on stdout (the command\'s stdout then goes to stderr)')
    .option('--fail-on-unmatched', 'exit 1 when the command succeeds but the trace saw sites the rules do not report')
    .option('--include-node-modules', 'count frames in node_modules as your code')
    .addOption(
      new Option('--scan <path>', 'also scan this file or directory, to list findings the command did not exercise; repeatable').argParser(collect).default([], 'none'),
    )
    .option('--no-shim', 'do not preload the fs shim that makes `readFileSync(file, \'utf8\')` and `existsSync` visible to the trace')
    .action(async (command: string[], options: RawTraceOptions) => {
      // Neither should a missing parser, which reading the traced files needs.
      requireParser();
      // A typo in --scan should not cost a whole run of the command.
      for (const input of options.scan) {
        if (!(await stat(path.resolve(io.cwd, input)).catch(() => undefined))) {
          io.stderr(`unblock: path not found: ${input}\n`);
          io.setExitCode(2);
          return;
        }
      }
      const report = await trace({
        command,
        cwd: io.cwd,
        ...(io.env ? { env: io.env } : {}),
        shim: options.shim,
        includeNodeModules: options.includeNodeModules === true,
        scanPaths: options.scan,
        stdout: options.json ? io.stderr : io.stdout,
        stderr: io.stderr,
      });
      if (options.json) io.stdout(traceReportJson(report, io.cwd));
      else io.stderr(formatTraceReport(report, io.cwd));
      io.setExitCode(traceExitCode(report, options.failOnUnmatched === true));
    });
}
