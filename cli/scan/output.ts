import path from 'node:path';

import { ESLint } from 'eslint';

import { colors as pc } from '../colors.js';
import { generatedNote } from '../generated-code.js';
import { sarifLog } from './sarif.js';
import type { ScanFormat, ScanReport } from './scan.js';

export interface ScanOutput {
  readonly stdout: string;
  readonly stderr: string;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

async function formatResults(report: ScanReport, format: ScanFormat, cwd: string): Promise<string> {
  if (format === 'sarif') return `${JSON.stringify(sarifLog(report, cwd), null, 2)}\n`;
  const formatter = await new ESLint({ cwd }).loadFormatter(format);
  const formatted = report.results.length > 0 ? await formatter.format(report.results) : format === 'json' ? '[]' : '';
  return formatted === '' || formatted.endsWith('\n') ? formatted : `${formatted}\n`;
}

/** Results on stdout in the chosen format; problems with the input, the gates and the summary on stderr. */
export async function formatScanReport(report: ScanReport, format: ScanFormat, cwd: string): Promise<ScanOutput> {
  const stdout = await formatResults(report, format, cwd);

  const lines: string[] = [];
  for (const input of report.missing) lines.push(pc.red(`unblock: path not found: ${input}`));
  for (const input of report.skipped) lines.push(pc.yellow(`unblock: skipped ${input}: not a JavaScript or TypeScript file`));
  for (const failure of report.unreadable) {
    lines.push(pc.red(`unblock: could not read ${path.relative(cwd, failure.file) || failure.file}: ${failure.message} (not scanned; every other file was)`));
  }
  for (const failure of report.parseFailures) {
    // A parser error without a position (none known) prints none, rather than "undefined".
    const position = failure.line > 0 ? `:${failure.line}:${failure.column}` : '';
    lines.push(pc.red(`unblock: could not parse ${path.relative(cwd, failure.file) || failure.file}${position}: ${failure.message}`));
  }
  const generated = generatedNote(report.generated, (file) => path.relative(cwd, file) || file);
  if (generated !== undefined) lines.push(pc.yellow(generated));
  if (report.filesScanned === 0 && report.missing.length === 0 && report.unreadable.length === 0 && report.generated.length === 0) {
    lines.push(pc.yellow('unblock: no JavaScript or TypeScript files to scan (node_modules, build output and .gitignore\'d files are skipped)'));
  } else if (report.filesScanned > 0) {
    lines.push(summary(report));
  }

  const { baseline, limit } = report;
  if (baseline?.kind === 'read') {
    const stale =
      baseline.stale === 0
        ? ''
        : `; ${plural(baseline.stale, 'entry', 'entries')} no longer ${baseline.stale === 1 ? 'matches' : 'match'} anything (rewrite it with --write-baseline ${baseline.file} to drop ${baseline.stale === 1 ? 'it' : 'them'})`;
    lines.push(`unblock: baseline ${baseline.file} suppressed ${plural(baseline.suppressed, 'known blocking call')}${stale}`);
  }
  if (limit && report.findings > 0) {
    lines.push(
      report.findings > limit.max
        ? pc.red(`unblock: ${plural(report.findings, 'blocking call')} reported, more than ${limit.option} ${limit.max} allows`)
        : `unblock: ${plural(report.findings, 'blocking call')} reported, within ${limit.option} ${limit.max}`,
    );
  }
  return { stdout, stderr: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
}

function summary(report: ScanReport): string {
  const files = plural(report.filesScanned, 'file');
  const { baseline } = report;
  if (baseline?.kind === 'written') {
    return pc.bold(`unblock: scanned ${files}; recorded ${plural(baseline.recorded, 'blocking call')} in the baseline ${baseline.file}`);
  }
  const which = baseline ? 'new ' : '';
  const affected = report.results.filter((result) => result.messages.some((message) => !message.fatal)).length;
  return report.findings === 0
    ? pc.green(`unblock: scanned ${files}; no ${which}blocking calls on the event loop`)
    : pc.bold(`unblock: scanned ${files}; ${report.findings} ${which}blocking call${report.findings === 1 ? '' : 's'} in ${plural(affected, 'file')}`);
}
