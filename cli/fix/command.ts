// Wires `unblock fix` into commander: options, validation, and where each
// piece of output goes. stdout carries the machine-readable result (the diff
// with --dry, JSON with --json and no file); stderr carries what people read.

import { Option, type Command } from 'commander';

import { requireParser } from '../../analysis/parser-options.js';
import { writeFileAtomic } from '../../codemods/engine/atomic-write.js';
import type { Shard } from '../../codemods/engine/shard.js';
import { codemodNames } from '../../codemods/registry.js';
import type { CommandIo } from '../io.js';
import { fixExitCode, runFix } from './run.js';
import { collectCodemodNames, jsonTarget, noFormatOption, selectCodemods, shardOption } from './options.js';
import { fixReportJson, formatFixSummary, formatRefusal } from './output.js';

interface RawFixOptions {
  readonly dry?: boolean;
  readonly force?: boolean;
  readonly codemod: string[];
  readonly json?: string | boolean;
  readonly shard?: Shard;
  readonly includeGenerated?: boolean;
}

/** Adds `unblock fix` to `program`. */
export function register(program: Command, io: CommandIo): Command {
  return program
    .command('fix')
    .description('Rewrite blocking calls into their async forms, in place (see docs/codemods.md)')
    .argument('[paths...]', 'files or directories to fix', ['.'])
    .option('--dry', 'print a unified diff and write nothing')
    .addOption(
      new Option('--codemod <names>', `run only these codemods; repeatable or comma-separated (${codemodNames().join(', ')})`)
        .argParser(collectCodemodNames)
        .default([], 'all'),
    )
    .option('--json [file]', 'write a JSON report to a file, or to stdout without one')
    .option('--shard <i/n>', 'fix only the i-th of n deterministic slices of the files, for parallel jobs', shardOption)
    .option('--force', 'write even when the git work tree has uncommitted changes')
    .option('--include-generated', 'also fix files that look generated or minified (skipped by default, with a note)')
    // `unblock scan --format json` users try it here: commander would suggest --force.
    .addOption(new Option('--format <name>').hideHelp().argParser(noFormatOption))
    .action(async (paths: string[], options: RawFixOptions) => {
      // A missing parser would fail every file; stop before the first with what to install.
      requireParser();
      const json = await jsonTarget(options.json, io.cwd);
      const run = await runFix({
        paths,
        cwd: io.cwd,
        ...(await selectCodemods(options.codemod)),
        dry: options.dry === true,
        force: options.force === true,
        includeGenerated: options.includeGenerated === true,
        ...(options.shard ? { shard: options.shard } : {}),
        ...(io.progress ? { progress: io.progress } : {}),
      });
      if (run.kind === 'refused') {
        io.stderr(formatRefusal(run.dirty));
        io.setExitCode(2);
        return;
      }
      const { report } = run;
      // With JSON on stdout the diffs travel inside it, so stdout stays one parseable document.
      if (json?.kind !== 'stdout') for (const file of report.files) if (file.diff !== undefined) io.stdout(file.diff);
      let exitCode: number = fixExitCode(report);
      if (json?.kind === 'stdout') io.stdout(fixReportJson(report));
      if (json?.kind === 'file') {
        await writeFileAtomic(json.path, fixReportJson(report)).catch((error: unknown) => {
          io.stderr(`unblock: could not write the JSON report to ${json.path}: ${error instanceof Error ? error.message : String(error)}\n`);
          exitCode = Math.max(exitCode, 1);
        });
      }
      io.stderr(formatFixSummary(report));
      io.setExitCode(exitCode);
    });
}
