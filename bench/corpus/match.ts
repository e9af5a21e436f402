// The matching rule: which reports count as finding a labelled site, and which as a false alarm.
// Pure functions over labels and reports, so that the unit test needs no snapshots.
//
// - n/no-sync reports at the blocking call itself: a site counts as found when a report sits on
//   its line.
// - unblock reports a direct site at the call, and a helper site either at the call (a blocking
//   call inside an async helper) or at the entry call inside the handler, naming the chain's
//   blocking call in its message: `… (line 12)` within a file, `… (line 12 of lib/config.js)`
//   across modules. A serving site counts as found when a report sits on its line, on one of its
//   labelled entry calls (whatever the message: the report leads to the helper), or anywhere with
//   a message that names it.
// - A site that must not be reported (start-up, tooling, dead, negative) counts as a false alarm
//   when a report sits on its line, or anywhere with a message that names it. A report on one of
//   its entry calls that names another line is not held against it: that report may be about
//   another, rightly reported, blocking call behind the same call.
// - "On its line": labels name the line where the API's name is written; a report at the start
//   of the call (`fs` in `fs\n  .readdirSync(dir)`) sits on an earlier line, so every line of
//   the member chain up to the label's counts (`StartOfCall` says where the chain starts).
import path from 'node:path';

import { parseEntry, siteId, type Site } from './labels.js';

export const TOOLS = ['unblock', 'n/no-sync'] as const;
export type Tool = (typeof TOOLS)[number];

export interface Report {
  readonly tool: Tool;
  readonly repo: string;
  /** Path inside the repository, POSIX separators. */
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly message: string;
}

/** Whether a tool must report the site: it blocks the loop while the service serves requests. */
export function isPositive(site: Site): boolean {
  return site.when === 'serving' && site.kind !== 'negative';
}

/** The first line of the call whose API name is written on `line` of `file`. */
export type StartOfCall = (repo: string, file: string, line: number) => number;

/** The reports of one tool, looked up by `repo file:line`, and by the site their chain names. */
export class ReportIndex {
  private readonly byLine = new Map<string, Report[]>();
  /** Per repository, the reports whose message names a line (`(line 12)`): chain reports. */
  private readonly chainsByRepo = new Map<string, Report[]>();
  private readonly startOf: StartOfCall;

  constructor(reports: readonly Report[], startOf: StartOfCall = (_repo, _file, line) => line) {
    this.startOf = startOf;
    for (const report of reports) {
      push(this.byLine, lineKey(report.repo, report.file, report.line), report);
      if (report.message.includes('(line ')) push(this.chainsByRepo, report.repo, report);
    }
  }

  /** The reports anywhere in the site's repository whose chain ends at the site. */
  naming(site: Pick<Site, 'repo' | 'file' | 'line'>): readonly Report[] {
    return (this.chainsByRepo.get(site.repo) ?? []).filter((report) => messageNamesSite(report, site));
  }

  /** The reports on the call whose API name is on `line`, from the first line of its member chain to `line`. */
  at(repo: string, file: string, line: number): readonly Report[] {
    const found: Report[] = [];
    for (let at = this.startOf(repo, file, line); at <= line; at++) found.push(...(this.byLine.get(lineKey(repo, file, at)) ?? []));
    return found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lineKey(repo: string, file: string, line: number): string {
  return `${repo}\u0000${file}\u0000${line}`;
}

/** The reports that count for `site` under the matching rule above: found (positive) or a false alarm (otherwise). */
export function matchingReports(site: Site, tool: Tool, index: ReportIndex): Report[] {
  const atSite = index.at(site.repo, site.file, site.line);
  // n/no-sync has no chains, and a user's own `loadSync()` at an entry call is not the site.
  if (tool === 'n/no-sync') return [...atSite];
  const atEntries = isPositive(site)
    ? (site.entries ?? []).flatMap((entry) => {
        const { file, line } = parseEntry(entry);
        return index.at(site.repo, file, line);
      })
    : [];
  return [...new Set([...atSite, ...atEntries, ...index.naming(site)])];
}

/**
 * Whether a chain message names the site's line: `(line 12)` for a site in the reporting file,
 * `(line 12 of lib/config.js)` for one in another module, the path relative to the reporting
 * file's folder or, failing that, a trailing part of the site's path.
 */
export function messageNamesSite(report: Pick<Report, 'file' | 'message'>, site: Pick<Site, 'file' | 'line'>): boolean {
  for (const match of report.message.matchAll(/\(line (\d+)(?: of ([^)]+))?\)/g)) {
    if (Number(match[1]) !== site.line) continue;
    const named = match[2];
    if (named === undefined) {
      if (report.file === site.file) return true;
      continue;
    }
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(report.file), named));
    if (resolved === site.file || site.file === named || site.file.endsWith(`/${named}`)) return true;
  }
  return false;
}

/** A row of the score table: a group of sites and how many each tool matched. */
export interface ScoreRow {
  readonly group: string;
  /** `recall`: matched sites are found; `false alarms`: matched sites were reported though they must not be. */
  readonly measure: 'recall' | 'false alarms';
  readonly sites: number;
  readonly matched: Readonly<Record<Tool, number>>;
  readonly target?: string;
}

interface Group {
  readonly group: string;
  readonly measure: ScoreRow['measure'];
  readonly pick: (site: Site) => boolean;
  readonly target?: string;
}

const isHelper = (site: Site): boolean => site.kind === 'same-file-helper' || site.kind === 'cross-module-helper';
/** Must not be reported, in the service's own code (not its scripts and tests). */
const isServerNegative = (site: Site): boolean => !isPositive(site) && site.when !== 'tooling';

/** The groups of the table, in order. The targets are issue 11's. */
export const GROUPS: readonly Group[] = [
  { group: 'serving, direct', measure: 'recall', pick: (site) => isPositive(site) && site.kind === 'direct', target: '≥ 0.95' },
  { group: 'serving, helper in the same file', measure: 'recall', pick: (site) => isPositive(site) && site.kind === 'same-file-helper' },
  { group: 'serving, helper in another module', measure: 'recall', pick: (site) => isPositive(site) && site.kind === 'cross-module-helper' },
  { group: 'serving, through helpers (both)', measure: 'recall', pick: (site) => isPositive(site) && isHelper(site), target: '≥ 0.90' },
  { group: 'server negatives (all below)', measure: 'false alarms', pick: isServerNegative, target: '≤ 0.05' },
  { group: '  harmless while serving', measure: 'false alarms', pick: (site) => site.kind === 'negative' && site.when === 'serving' },
  { group: '  start-up only', measure: 'false alarms', pick: (site) => site.when === 'startup' },
  { group: '  dead code', measure: 'false alarms', pick: (site) => site.when === 'dead' },
  { group: 'tooling (scripts, tests)', measure: 'false alarms', pick: (site) => site.when === 'tooling' },
];

export interface Score {
  readonly rows: readonly ScoreRow[];
  /** Serving sites a tool did not find. */
  readonly missed: Readonly<Record<Tool, readonly Site[]>>;
  /** Sites that must not be reported and were, with the reports. */
  readonly falseAlarms: Readonly<Record<Tool, ReadonlyArray<{ site: Site; reports: readonly Report[] }>>>;
}

/** Scores every tool's reports against the labelled sites. */
export function score(sites: readonly Site[], reports: readonly Report[], startOf?: StartOfCall): Score {
  const indexes = perTool((tool) => new ReportIndex(reports.filter((report) => report.tool === tool), startOf));
  const matches = new Map(sites.map((site) => [site, perTool((tool) => matchingReports(site, tool, indexes[tool]))]));
  const matchedBy = (site: Site, tool: Tool): boolean => matches.get(site)![tool].length > 0;

  const rows = GROUPS.map(({ group, measure, pick, target }) => {
    const members = sites.filter(pick);
    const matched = perTool((tool) => members.filter((site) => matchedBy(site, tool)).length);
    return { group, measure, sites: members.length, matched, ...(target ? { target } : {}) };
  });
  const missed = perTool((tool) => sites.filter((site) => isPositive(site) && !matchedBy(site, tool)));
  const falseAlarms = perTool((tool) => sites.filter((site) => !isPositive(site) && matchedBy(site, tool)).map((site) => ({ site, reports: matches.get(site)![tool] })));
  return { rows, missed, falseAlarms };
}

function perTool<T>(make: (tool: Tool) => T): Record<Tool, T> {
  return { unblock: make('unblock'), 'n/no-sync': make('n/no-sync') };
}

/** Reports that sit on no labelled site or entry call and name no labelled site: what the labels say nothing about. */
export function unlabelledReports(sites: readonly Site[], reports: readonly Report[], startOf?: StartOfCall): Report[] {
  const index = new ReportIndex(reports, startOf);
  const labelled = new Set<Report>();
  for (const site of sites) {
    for (const report of [...index.at(site.repo, site.file, site.line), ...index.naming(site)]) labelled.add(report);
    for (const entry of site.entries ?? []) {
      const { file, line } = parseEntry(entry);
      for (const report of index.at(site.repo, file, line)) labelled.add(report);
    }
  }
  return reports.filter((report) => !labelled.has(report));
}

/** Where the call written on `lines[line - 1]` starts: earlier lines while the chain continues with `.name` or `?.name`. */
export function startOfCall(lines: readonly string[], line: number): number {
  let start = line;
  while (start > 1 && /^\s*\??\./.test(lines[start - 1] ?? '')) start--;
  return start;
}

/** `owner/name path:line api (kind, entries …)`: a missed site, as the scorer lists it. */
export function describeSite(site: Site): string {
  const via = site.entries ? `, via ${site.entries.join(' ')}` : '';
  return `${siteId(site)} (${site.kind}${via}): ${site.note}`;
}
