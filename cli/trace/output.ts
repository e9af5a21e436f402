// What `unblock trace` prints: a report for people, and the same facts as JSON.

import path from 'node:path';

import { relativePosix } from '../../codemods/engine/relative-path.js';
import { colors as pc } from '../colors.js';
import type { MatchedSite, MissedSite, ScanFinding } from './compare.js';
import type { BlockingApiSuggestion } from './diagnose.js';
import type { TraceSite, UserFrame } from './sites.js';
import type { TraceReport } from './trace.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Paths relative to cwd with forward slashes, or absolute outside it. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relativePosix(cwd, file);
}

const at = (frame: { file: string; line: number; column: number }, cwd: string) => `${displayPath(frame.file, cwd)}:${frame.line}:${frame.column}`;

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const suggestionText = (suggestion: BlockingApiSuggestion) => `{ module: ${quote(suggestion.module)}, path: ${quote(suggestion.path)} }`;

function siteLine(site: TraceSite, cwd: string): string {
  const where = site.function ? `  in ${site.function}` : '';
  const count = site.warnings > 1 ? pc.dim(`  (${site.warnings} warnings)`) : '';
  return `  ${at(site, cwd)}  ${pc.bold(site.api)}${where}${count}`;
}

function callerText(site: TraceSite, cwd: string): string | undefined {
  const callers = site.callers.flatMap((chain) => (chain[0] ? [chain[0]] : []));
  if (callers.length === 0) return undefined;
  const shown = callers.slice(0, 2).map((frame) => at(frame, cwd));
  return `called from ${shown.join(', ')}${callers.length > 2 ? ` and ${callers.length - 2} more` : ''}`;
}

function commandText(command: readonly string[]): string {
  return command.map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, "'\\''")}'`)).join(' ');
}

function summaryLine(report: TraceReport): string {
  const { run, folded, comparison } = report;
  const status = run.kind === 'failed' ? 'could not start' : run.signal ? `was ended by ${run.signal}` : `exited with ${run.exitCode}`;
  const parts = [
    `\`${commandText(report.command)}\` ${status}`,
    `${plural(folded.sites.length, 'sync call site')} after start-up (${plural(folded.warnings - folded.startup - folded.outsideUserCode - folded.output, 'warning')})`,
    `${comparison.matched.length} also reported by the rules, ${comparison.traceOnly.length} only traced`,
  ];
  return `unblock trace: ${parts.join('; ')}`;
}

export function formatTraceReport(report: TraceReport, cwd: string): string {
  const { folded, comparison } = report;
  const lines: string[] = ['', pc.bold(summaryLine(report))];
  const ignored: string[] = [];
  if (folded.startup > 0) ignored.push(`${plural(folded.startup, 'warning')} while modules loaded or in start-up callbacks`);
  if (folded.outsideUserCode > 0) ignored.push(`${plural(folded.outsideUserCode, 'warning')} with no frame in your code (see --include-node-modules)`);
  if (folded.output > 0) ignored.push(`${plural(folded.output, 'warning')} from writing to stdout or stderr`);
  if (ignored.length > 0) lines.push(pc.dim(`  not counted: ${ignored.join('; ')}`));

  if (comparison.matched.length > 0) {
    lines.push('', pc.bold(pc.green(`Also reported by the rules (${comparison.matched.length}):`)));
    for (const match of comparison.matched) lines.push(...matchedLines(match, cwd));
  }
  if (comparison.traceOnly.length > 0) {
    lines.push('', pc.bold(pc.yellow(`Only the trace saw (${comparison.traceOnly.length}): misses to fix in the catalog or the analysis`)));
    for (const miss of comparison.traceOnly) lines.push(...missedLines(miss, cwd));
  }
  if (comparison.scanOnly.length > 0) {
    lines.push('', pc.bold(`Only the scan reports (${comparison.scanOnly.length}): not exercised by the command`));
    for (const finding of comparison.scanOnly) lines.push(findingLine(finding, cwd));
  }
  const suggestions = uniqueSuggestions(comparison.traceOnly);
  if (suggestions.length > 0) {
    lines.push('', pc.bold('Suggested settings (eslint.config.js) for the calls above:'));
    lines.push('  settings: {', '    unblock: {', '      blockingApis: [');
    for (const suggestion of suggestions) lines.push(`        ${suggestionText(suggestion)},`);
    lines.push('      ],', '    },', '  },');
  }
  for (const failure of report.scan?.parseFailures ?? []) {
    lines.push(pc.red(`unblock: could not parse ${at(failure, cwd)}: ${failure.message}`));
  }
  if (report.run.kind === 'failed') lines.push(pc.red(`unblock: could not start \`${commandText(report.command)}\`: ${report.run.message}`));
  return `${lines.join('\n')}\n`;
}

function matchedLines(match: MatchedSite, cwd: string): string[] {
  const lines = [siteLine(match.site, cwd)];
  const rule = `${match.finding.ruleId}${match.via === 'caller' ? ` at the caller ${at(match.frame, cwd)}` : ''}`;
  lines.push(pc.dim(`      ${rule}: ${match.finding.message}`));
  return lines;
}

function missedLines(miss: MissedSite, cwd: string): string[] {
  const lines = [siteLine(miss.site, cwd)];
  const caller = callerText(miss.site, cwd);
  if (miss.site.lineText) lines.push(pc.dim(`      > ${miss.site.lineText.length > 100 ? `${miss.site.lineText.slice(0, 99)}…` : miss.site.lineText}`));
  if (caller) lines.push(pc.dim(`      ${caller}`));
  lines.push(`      ${miss.diagnosis.reason}`);
  if (miss.diagnosis.suggestion) lines.push(`      suggested blockingApis entry: ${suggestionText(miss.diagnosis.suggestion)}`);
  return lines;
}

function findingLine(finding: ScanFinding, cwd: string): string {
  return `  ${at(finding, cwd)}  ${finding.ruleId}  ${pc.dim(finding.message)}`;
}

function uniqueSuggestions(misses: readonly MissedSite[]): BlockingApiSuggestion[] {
  const seen = new Map<string, BlockingApiSuggestion>();
  for (const { diagnosis } of misses) {
    if (diagnosis.suggestion && diagnosis.kind === 'catalog') seen.set(suggestionText(diagnosis.suggestion), diagnosis.suggestion);
  }
  for (const { diagnosis } of misses) {
    if (diagnosis.suggestion && diagnosis.kind !== 'catalog') seen.set(suggestionText(diagnosis.suggestion), diagnosis.suggestion);
  }
  return [...seen.values()];
}

function frameJson(frame: UserFrame, cwd: string) {
  return { file: displayPath(frame.file, cwd), line: frame.line, column: frame.column, ...(frame.function ? { function: frame.function } : {}) };
}

function siteJson(site: TraceSite, cwd: string) {
  return {
    ...frameJson(site, cwd),
    api: site.api,
    ...(site.imported ? { imported: { module: site.imported.module, path: site.imported.path.join('.') } } : {}),
    ...(site.lineText !== undefined ? { source: site.lineText } : {}),
    warnings: site.warnings,
    callers: site.callers.map((chain) => chain.map((frame) => frameJson(frame, cwd))),
  };
}

function findingJson(finding: ScanFinding, cwd: string) {
  return { file: displayPath(finding.file, cwd), line: finding.line, column: finding.column, ruleId: finding.ruleId, message: finding.message };
}

/** The report as JSON: `version` changes when a field changes meaning or goes away. */
export function traceReportJson(report: TraceReport, cwd: string): string {
  const { run, folded, comparison } = report;
  const json = {
    version: 1,
    command: report.command,
    run: run.kind === 'failed' ? { started: false, error: run.message } : { started: true, exitCode: run.exitCode, ...(run.signal ? { signal: run.signal } : {}) },
    summary: {
      warnings: folded.warnings,
      startupWarnings: folded.startup,
      warningsOutsideUserCode: folded.outsideUserCode,
      outputWarnings: folded.output,
      sites: folded.sites.length,
      matched: comparison.matched.length,
      traceOnly: comparison.traceOnly.length,
      scanOnly: comparison.scanOnly.length,
      filesScanned: report.scan?.filesScanned ?? 0,
    },
    matched: comparison.matched.map((match) => ({
      ...siteJson(match.site, cwd),
      finding: findingJson(match.finding, cwd),
      via: match.via,
    })),
    traceOnly: comparison.traceOnly.map((miss) => ({
      ...siteJson(miss.site, cwd),
      kind: miss.diagnosis.kind,
      reason: miss.diagnosis.reason,
      ...(miss.diagnosis.catalogId ? { catalogId: miss.diagnosis.catalogId } : {}),
      ...(miss.diagnosis.suggestion ? { suggestion: miss.diagnosis.suggestion } : {}),
    })),
    scanOnly: comparison.scanOnly.map((finding) => findingJson(finding, cwd)),
    parseFailures: (report.scan?.parseFailures ?? []).map((failure) => ({ ...failure, file: displayPath(failure.file, cwd) })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
