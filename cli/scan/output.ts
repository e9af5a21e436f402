import path from 'node:path';

import { ESLint } from 'eslint';

import { colors as pc } from '../colors.js';
import { missingMessage } from '../files.js';
import { generatedNote } from '../generated-code.js';
import { withMessages } from './lint.js';
import { sarifLog } from './sarif.js';
import type { ScanFormat, ScanReport } from './scan.js';

export interface ScanOutput {
  readonly stdout: string;
  readonly stderr: string;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

async function formatResults(report: ScanReport, format: ScanFormat, cwd: string): Promise<string> {
  if (format === 'sarif') return `${JSON.stringify(sarifLog(report, cwd), null, 2)}\n`;
  // Built-in formatters need no cwd; the filesystem root keeps ESLint from looking for (and
  // warning about) a .eslintignore in the user's directory, which collectFiles already read.
  const formatter = await new ESLint({ cwd: path.parse(path.resolve(cwd)).root }).loadFormatter(format);
  // Stylish counts "problems": there, only the blocking calls, so that its count is the summary's.
  // Files that could not be parsed are named on stderr, and counted in the summary on their own.
  const results = format === 'stylish' ? report.results.map((result) => withMessages(result, result.messages.filter((message) => !message.fatal))) : report.results;
  const formatted = results.length > 0 ? await formatter.format(results) : format === 'json' ? '[]' : '';
  return formatted === '' || formatted.endsWith('\n') ? formatted : `${formatted}\n`;
}

/** Results on stdout in the chosen format; problems with the input, the gates and the summary on stderr. */
export async function formatScanReport(report: ScanReport, format: ScanFormat, cwd: string): Promise<ScanOutput> {
  const stdout = await formatResults(report, format, cwd);

  const lines: string[] = [];
  for (const input of report.missing) lines.push(pc.red(missingMessage(input, report.loops)));
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
    if (report.mode.kind === 'typed') {
      const basis = report.mode.basedOn ? `extending ${path.relative(cwd, report.mode.basedOn) || report.mode.basedOn}` : "with Node's defaults";
      lines.push(`unblock: with type information (a TypeScript program of the files, ${basis})`);
    }
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

/** How the files were read, when that is not the plain default: `(shard 2/4, 2 threads, 118 from the cache)`. */
function howScanned(report: ScanReport): string {
  const parts = [
    ...(report.shard ? [`shard ${report.shard.index}/${report.shard.count}`] : []),
    ...(report.run.threads > 1 ? [`${report.run.threads} threads`] : []),
    ...(report.run.fromCache > 0 ? [`${report.run.fromCache} from the cache`] : []),
  ];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

function summary(report: ScanReport): string {
  const files = `${plural(report.filesScanned, 'file')}${howScanned(report)}`;
  const { baseline } = report;
  if (baseline?.kind === 'written') {
    return pc.bold(`unblock: scanned ${files}; recorded ${plural(baseline.recorded, 'blocking call')} in the baseline ${baseline.file}`);
  }
  const which = baseline ? 'new ' : '';
  const affected = report.results.filter((result) => result.messages.some((message) => !message.fatal)).length;
  // What was not checked, said as plainly as what was found: not folded into one count of "problems".
  const unparsed = new Set(report.parseFailures.map((failure) => failure.file)).size;
  const unchecked = [
    ...(unparsed > 0 ? [`${plural(unparsed, 'file')} could not be parsed`] : []),
    ...(report.unreadable.length > 0 ? [`${plural(report.unreadable.length, 'file')} could not be read`] : []),
  ].map((part) => `; ${part}`).join('');
  return report.findings === 0
    ? (unchecked === '' ? pc.green : pc.yellow)(`unblock: scanned ${files}; no ${which}blocking calls on the event loop${unchecked}`)
    : pc.bold(`unblock: scanned ${files}; ${report.findings} ${which}blocking call${report.findings === 1 ? '' : 's'} in ${plural(affected, 'file')}${unchecked}`);
}
