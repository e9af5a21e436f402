// What `unblock fix` tells the user: problems and the summary for people (on
// stderr, like `unblock scan`), and the same facts as JSON for machines.

import { colors as pc } from '../colors.js';
import { missingMessage } from '../files.js';
import { generatedNote } from '../generated-code.js';
import type { FileFailure } from './stages.js';
import type { ProgramTooLarge } from './heap-guard.js';
import type { FixReport, SiteReport } from './run.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How many dirty files the refusal names before it says "and N more". */
const DIRTY_SHOWN = 10;
/** How many leftover temporary files the summary names. */
const TEMPS_SHOWN = 5;

export function formatRefusal(dirty: readonly string[]): string {
  const shown = dirty.slice(0, DIRTY_SHOWN).map((file) => `  ${file}`);
  if (dirty.length > DIRTY_SHOWN) shown.push(`  … and ${dirty.length - DIRTY_SHOWN} more`);
  return [
    pc.red(`unblock: the git work tree has uncommitted changes (${plural(dirty.length, 'file')}):`),
    ...shown,
    'unblock fix rewrites files in place; commit or stash these changes first so its edits can be reviewed and undone on their own,',
    'or pass --force to fix anyway (or --dry to only see the diff).',
    '',
  ].join('\n');
}

export function formatFixSummary(report: FixReport): string {
  const lines: string[] = [];
  for (const input of report.missing) lines.push(pc.red(missingMessage(input, report.loops)));
  for (const input of report.skipped) lines.push(pc.yellow(`unblock: skipped ${input}: not a JavaScript or TypeScript file`));
  const generated = generatedNote(report.generated, (file) => file);
  if (generated !== undefined) lines.push(pc.yellow(generated));
  if (report.leftoverTemps.length > 0) {
    const shown = report.leftoverTemps.slice(0, TEMPS_SHOWN).join(', ');
    const more = report.leftoverTemps.length > TEMPS_SHOWN ? `, … and ${report.leftoverTemps.length - TEMPS_SHOWN} more` : '';
    lines.push(
      pc.yellow(
        `unblock: ${report.dry ? 'would remove' : 'removed'} ${plural(report.leftoverTemps.length, 'temporary file')} that an interrupted run left (each held an unfinished rewrite; the file beside it is whole): ${shown}${more}`,
      ),
    );
  }
  if (report.interrupted) {
    lines.push(
      pc.red(
        `unblock: stopped by ${report.interrupted}: the files listed below were written whole, the rest not at all; run unblock fix again with the same paths to finish (with --force in a git work tree: its own writes are uncommitted changes now)`,
      ),
    );
  }
  for (const file of report.files) for (const failure of file.failures) lines.push(pc.red(`unblock: ${describeFailure(file.file, failure)}`));
  if (report.programTooLarge) lines.push(pc.red(`unblock: ${describeTooLarge(report.programTooLarge)}`));

  if (report.filesChecked === 0) {
    const where = report.shard ? ` in shard ${report.shard.index}/${report.shard.count}` : '';
    if (report.missing.length === 0 && report.generated.length === 0) lines.push(pc.yellow(`unblock: no JavaScript or TypeScript files to fix${where} (node_modules, build output and .gitignore'd files are skipped)`));
    return `${lines.join('\n')}\n`;
  }

  const left = report.files.flatMap((file) => file.left.map((site) => ({ file: file.file, site })));
  if (left.length > 0) {
    lines.push('', pc.bold(`Left for you (${left.length}):`));
    for (const { file, site } of left) lines.push(`  ${file}:${site.line}:${site.column}  ${site.api}  ${site.reason ?? 'no reason given'}`);
    lines.push('');
  }

  const changed = report.files.filter((file) => file.changed).length;
  const fixed = report.files.flatMap((file) => file.fixed);
  const failed = report.files.filter((file) => file.failures.length > 0).length;
  const families = Object.entries(countByFamily(fixed)).map(([family, count]) => `${family} ${count}`);
  const parts = [
    report.dry ? `${plural(changed, 'file')} would change (--dry: nothing written)` : `${plural(changed, 'file')} changed`,
    `${plural(fixed.length, 'site')} ${report.dry ? 'would be ' : ''}fixed${families.length > 0 ? ` (${families.join(', ')})` : ''}`,
    `${plural(left.length, 'site')} left`,
    ...(failed > 0 ? [`${plural(failed, 'file')} could not be fixed`] : []),
    ...(report.programTooLarge ? [`${report.programTooLarge.codemod} not run (its program would not fit in the heap)`] : []),
  ];
  const summary = `unblock: ${parts.join('; ')} — ${plural(report.filesChecked, 'file')} checked with ${report.codemods.join(', ')}`;
  lines.push(failed > 0 || report.programTooLarge ? pc.red(summary) : changed > 0 ? pc.green(summary) : summary);
  return `${lines.join('\n')}\n`;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

/** Why the whole-program codemod did not run, and what to run instead. */
export function describeTooLarge(tooLarge: ProgramTooLarge): string {
  const { codemod, files, estimatedBytes, availableBytes, directory, directoryFiles } = tooLarge;
  return (
    `${codemod} was not run on part of the program: its ${plural(files, 'file')} would need about ${megabytes(estimatedBytes)} of heap, and this process has ${megabytes(availableBytes)} left. ` +
    `Everything else was fixed. Fix a part at a time: ${directory} has the most files it would rewrite (${directoryFiles}), so run \`unblock fix ${directory}\` first, ` +
    `or split the run with --shard 1/4 … 4/4 (or give node more heap: NODE_OPTIONS=--max-old-space-size=…)`
  );
}

function describeFailure(file: string, failure: FileFailure): string {
  switch (failure.kind) {
    case 'parse':
      return `could not parse ${file}${failure.line === undefined ? '' : `:${failure.line}:${failure.column ?? 1}`}: ${failure.message} (left as it was)`;
    case 'read':
      return `could not read ${file}: ${failure.message}`;
    case 'write':
      return `could not write ${file}: ${failure.message}`;
    case 'reparse':
    case 'crash':
      return `could not fix ${file}: ${failure.codemod ? `${failure.codemod}: ` : ''}${failure.message}`;
  }
}

function countByFamily(sites: readonly SiteReport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const site of sites) counts[site.family] = (counts[site.family] ?? 0) + 1;
  return counts;
}

/** The --json report. `version` changes only when a field changes meaning or goes away. */
export function fixReportJson(report: FixReport): string {
  const fixed = report.files.flatMap((file) => file.fixed);
  const json = {
    version: 1,
    dry: report.dry,
    codemods: report.codemods,
    shard: report.shard ?? null,
    summary: {
      filesChecked: report.filesChecked,
      filesChanged: report.files.filter((file) => file.changed).length,
      sitesFixed: fixed.length,
      sitesLeft: report.files.reduce((sum, file) => sum + file.left.length, 0),
      fixedByFamily: countByFamily(fixed),
      errors: report.files.reduce((sum, file) => sum + file.failures.length, 0),
      programFiles: report.programFiles,
    },
    files: report.files.map((file) => ({
      file: file.file,
      changed: file.changed,
      fixed: file.fixed,
      left: file.left,
      ...(file.diff === undefined ? {} : { diff: file.diff }),
    })),
    errors: report.files.flatMap((file) => file.failures.map((failure) => ({ file: file.file, ...failure }))),
    missing: report.missing,
    skipped: report.skipped,
    generated: report.generated,
    leftoverTemps: report.leftoverTemps,
    programTooLarge: report.programTooLarge ?? null,
    phases: report.phases,
    peakRssBytes: report.peakRssBytes,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
