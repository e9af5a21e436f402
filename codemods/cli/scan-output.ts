import path from 'node:path';

import { ESLint } from 'eslint';
import pc from 'picocolors';

import type { ScanFormat, ScanReport } from './scan.js';

export interface ScanOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Results on stdout in the chosen format; problems with the input and the summary on stderr. */
export async function formatScanReport(report: ScanReport, format: ScanFormat, cwd: string): Promise<ScanOutput> {
  const formatter = await new ESLint({ cwd }).loadFormatter(format);
  const formatted = report.results.length > 0 ? await formatter.format(report.results) : format === 'json' ? '[]' : '';
  const stdout = formatted === '' || formatted.endsWith('\n') ? formatted : `${formatted}\n`;

  const lines: string[] = [];
  for (const input of report.missing) lines.push(pc.red(`unblock: path not found: ${input}`));
  for (const input of report.skipped) lines.push(pc.yellow(`unblock: skipped ${input}: not a JavaScript or TypeScript file`));
  for (const failure of report.parseFailures) {
    lines.push(pc.red(`unblock: could not parse ${path.relative(cwd, failure.file) || failure.file}:${failure.line}:${failure.column}: ${failure.message}`));
  }
  if (report.filesScanned === 0 && report.missing.length === 0) {
    lines.push(pc.yellow('unblock: no JavaScript or TypeScript files to scan (node_modules, build output and .gitignore\'d files are skipped)'));
  } else if (report.filesScanned > 0) {
    const files = `${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'}`;
    const affected = report.results.filter((result) => result.messages.some((message) => !message.fatal)).length;
    lines.push(
      report.findings === 0
        ? pc.green(`unblock: scanned ${files}; no blocking calls on the event loop`)
        : pc.bold(`unblock: scanned ${files}; ${report.findings} blocking call${report.findings === 1 ? '' : 's'} in ${affected} file${affected === 1 ? '' : 's'}`),
    );
  }
  return { stdout, stderr: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
}
