// `unblock trace`: run a command under `--trace-sync-io`, fold what it reports
// into call sites, and compare them with what `unblock scan` finds in the same
// files. The dynamic oracle for the static rules (see docs/trace.md).

import { isSourceFile } from '../files.js';
import { scan, type ScanReport } from '../scan/scan.js';
import { compare, scanFindings, unmatchedMisses, type Comparison } from './compare.js';
import { runTraced, type RunResult } from './run.js';
import { writeShim, type WrittenShim } from './shim.js';
import { foldWarnings, WarningCollector, type FoldedTrace } from './sites.js';
import { SourceIndex } from './source.js';

export interface TraceOptions {
  readonly command: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Route the fs fast paths `--trace-sync-io` does not see through traced calls (default true). */
  readonly shim?: boolean;
  readonly includeNodeModules?: boolean;
  /** More paths to scan, so that findings the command did not exercise are listed too. */
  readonly scanPaths?: readonly string[];
  /** Where the command's stdout and (filtered) stderr go. */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface TraceReport {
  readonly command: readonly string[];
  readonly run: RunResult;
  readonly folded: FoldedTrace;
  readonly scan?: ScanReport;
  readonly comparison: Comparison;
}

/** Every file a site's frames are in, for the scan to read. */
function involvedFiles(folded: FoldedTrace): string[] {
  const files = new Set<string>();
  for (const site of folded.sites) {
    files.add(site.file);
    for (const chain of site.callers) for (const frame of chain) files.add(frame.file);
  }
  return [...files].filter(isSourceFile).sort();
}

export async function trace(options: TraceOptions): Promise<TraceReport> {
  const shim: WrittenShim | undefined = options.shim === false ? undefined : await writeShim();
  const collector = new WarningCollector();
  let run: RunResult;
  try {
    run = await runTraced({
      command: options.command,
      cwd: options.cwd,
      env: options.env ?? process.env,
      ...(shim ? { shimPath: shim.path } : {}),
      stdout: options.stdout,
      stderr: options.stderr,
      onWarning: (warning) => collector.add(warning),
    });
  } finally {
    await shim?.dispose();
  }

  const folded = await foldWarnings(collector, new SourceIndex(), {
    ...(options.includeNodeModules ? { includeNodeModules: true } : {}),
    ...(shim ? { shimPath: shim.path } : {}),
  });
  const paths = [...involvedFiles(folded), ...(options.scanPaths ?? [])];
  const report = paths.length > 0 ? await scan({ paths, cwd: options.cwd }) : undefined;
  const comparison = compare(folded.sites, report ? scanFindings(report) : [], options.cwd);
  return { command: options.command, run, folded, ...(report ? { scan: report } : {}), comparison };
}

/**
 * The command's exit code; 2 when it could not start; with `failOnUnmatched`, 1 when it succeeded
 * but the trace saw sites the rules missed.
 */
export function traceExitCode(report: TraceReport, failOnUnmatched: boolean): number {
  if (report.run.kind === 'failed') return 2;
  if (report.run.exitCode !== 0) return report.run.exitCode;
  return failOnUnmatched && unmatchedMisses(report.comparison).length > 0 ? 1 : 0;
}
