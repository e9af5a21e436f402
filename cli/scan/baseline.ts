// `unblock scan --write-baseline <file>` records the findings of today; `--baseline <file>` then
// reports only findings that are not recorded, so a large codebase can gate new blocking calls
// without fixing every old one first. An entry names a finding by file, rule and a fingerprint of
// its line's text and occurrence (see scan-fingerprint.ts), never by line number: edits elsewhere
// in the file do not invalidate it. Files are named relative to the baseline file's directory, so
// the scan may run from any directory of the project.

import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../../codemods/engine/atomic-write.js';
import { relativePosix } from '../../codemods/engine/relative-path.js';
import { isSourceFile } from '../files.js';
import { lineFingerprint, type LocatedFinding } from './fingerprint.js';

/** The format of the baseline file; bumped when entries written by an older one would no longer match. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Relative to the directory holding the baseline file, with forward slashes. */
  readonly file: string;
  /** `unblock/<rule>`. */
  readonly rule: string;
  readonly fingerprint: string;
}

export interface Baseline {
  /** The file as given on the command line, for messages. */
  readonly given: string;
  readonly path: string;
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineMatch {
  /** Findings the baseline does not hold: the ones to report. */
  readonly kept: readonly LocatedFinding[];
  readonly suppressed: readonly LocatedFinding[];
  /** Entries that match nothing any more, in files that were scanned or no longer exist. */
  readonly stale: number;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (entry: BaselineEntry): string => JSON.stringify([entry.file, entry.rule, entry.fingerprint]);

function entryFor(finding: LocatedFinding, baseDir: string): BaselineEntry {
  return { file: relativePosix(baseDir, finding.filePath), rule: finding.ruleId, fingerprint: lineFingerprint(finding) };
}

/** The entries recording `findings`, sorted by file, rule and fingerprint. */
export function baselineEntries(findings: readonly LocatedFinding[], baselinePath: string): BaselineEntry[] {
  const baseDir = path.dirname(baselinePath);
  return findings
    .map((finding) => entryFor(finding, baseDir))
    .sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint));
}

/** The file's text: one entry a line, so that a diff of the baseline reads as a list of findings. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = entries.map((entry) => `    ${JSON.stringify({ file: entry.file, rule: entry.rule, fingerprint: entry.fingerprint })}`);
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

function fail(option: string, given: string, problem: string): never {
  throw new Error(`${option} ${given}: ${problem}`);
}

/** Reads and checks a baseline file; every problem is an error naming `--baseline` and the file. */
export async function readBaseline(given: string, cwd: string): Promise<Baseline> {
  const file = path.resolve(cwd, given);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('--baseline', given, `no such file; record the current findings first with \`unblock scan --write-baseline ${given}\``);
    fail('--baseline', given, code === 'EISDIR' ? 'that is a directory, not a baseline file' : `could not read it: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail('--baseline', given, `not valid JSON (${error instanceof Error ? error.message : String(error)}); regenerate it with --write-baseline`);
  }
  const malformed = (problem: string): never => fail('--baseline', given, `not an unblock baseline: ${problem}; regenerate it with --write-baseline`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return malformed('expected an object with "version" and "findings"');
  const { version, findings } = data as { version?: unknown; findings?: unknown };
  if (version === undefined) return malformed('"version" is missing');
  if (version !== BASELINE_VERSION) return malformed(`version ${JSON.stringify(version)} is not one this unblock reads (${BASELINE_VERSION})`);
  if (!Array.isArray(findings)) return malformed('"findings" is not an array');
  const entries = findings.map((entry: unknown, index): BaselineEntry => {
    if (typeof entry !== 'object' || entry === null) return malformed(`findings[${index}] is not an object`);
    for (const field of ['file', 'rule', 'fingerprint'] as const) {
      const value = (entry as Record<string, unknown>)[field];
      if (typeof value !== 'string' || value === '') return malformed(`findings[${index}].${field} is not a non-empty string`);
    }
    const { file: entryFile, rule, fingerprint } = entry as BaselineEntry;
    return { file: entryFile, rule, fingerprint };
  });
  return { given, path: file, entries };
}

/** Refuses a target that is clearly not meant to be a baseline, before anything is scanned. */
export async function checkBaselineTarget(given: string, cwd: string): Promise<string> {
  const file = path.resolve(cwd, given);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) fail('--write-baseline', given, 'that is a directory; name the baseline file, e.g. --write-baseline unblock-baseline.json');
  if (isSourceFile(file)) fail('--write-baseline', given, 'that is a source file, not a baseline file');
  return file;
}

export async function writeBaseline(given: string, file: string, entries: readonly BaselineEntry[]): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, formatBaseline(entries));
  } catch (error) {
    fail('--write-baseline', given, `could not write it: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Splits the findings into those the baseline holds and the rest. An entry matches one finding at
 * most. Entries for files this run did not look at (outside the scanned paths, or unparsable) are
 * neither used nor stale; entries for files that are gone are stale.
 */
export async function matchBaseline(
  baseline: Baseline,
  findings: readonly LocatedFinding[],
  scannedFiles: readonly string[],
  unreadableFiles: ReadonlySet<string>,
): Promise<BaselineMatch> {
  const baseDir = path.dirname(baseline.path);
  const unused = new Map<string, number>();
  for (const entry of baseline.entries) unused.set(keyOf(entry), (unused.get(keyOf(entry)) ?? 0) + 1);

  const kept: LocatedFinding[] = [];
  const suppressed: LocatedFinding[] = [];
  for (const finding of findings) {
    const key = keyOf(entryFor(finding, baseDir));
    const left = unused.get(key) ?? 0;
    if (left > 0) {
      unused.set(key, left - 1);
      suppressed.push(finding);
    } else {
      kept.push(finding);
    }
  }

  const scanned = new Set(scannedFiles.filter((file) => !unreadableFiles.has(file)));
  let stale = 0;
  const exists = new Map<string, Promise<boolean>>();
  for (const entry of baseline.entries) {
    const key = keyOf(entry);
    const left = unused.get(key) ?? 0;
    if (left === 0) continue;
    unused.set(key, left - 1);
    const file = path.resolve(baseDir, entry.file);
    if (scanned.has(file)) {
      stale++;
      continue;
    }
    if (!exists.has(file)) exists.set(file, stat(file).then(() => true, () => false));
    if (!(await exists.get(file))) stale++;
  }
  return { kept, suppressed, stale };
}
