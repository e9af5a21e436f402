// The score table: the groups of labelled sites, and for each tool how many it found (serving
// sites) or wrongly reported (the rest), under the matching rule of match.ts.
import { isPositive, siteId, type Site } from './labels.js';
import { matchingReports, ReportIndex, type Report, type StartOfCall, type Tool } from './match.js';

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

/** `owner/name path:line api (kind, entries …)`: a missed site, as the scorer lists it. */
export function describeSite(site: Site): string {
  const via = site.entries ? `, via ${site.entries.join(' ')}` : '';
  return `${siteId(site)} (${site.kind}${via}): ${site.note}`;
}
