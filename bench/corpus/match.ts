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

import { isPositive, parseEntry, type Site } from './labels.js';

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
