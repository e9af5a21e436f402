// Lines up the sites a traced run saw with what `unblock scan` reports for the
// same files: both saw it, only the trace did (a miss), only the scan did (not
// exercised by the command).

import path from 'node:path';

import type { ScanReport } from '../scan/scan.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import type { TraceSite, UserFrame } from './sites.js';

export interface ScanFinding {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly ruleId: string;
  readonly message: string;
}

export interface MatchedSite {
  readonly site: TraceSite;
  readonly finding: ScanFinding;
  /** `site` when the rules report the call itself; `caller` when they report a call further out (a blocking helper's caller). */
  readonly via: 'site' | 'caller';
  readonly frame: UserFrame;
}

export interface MissedSite {
  readonly site: TraceSite;
  readonly diagnosis: Diagnosis;
}

export interface Comparison {
  readonly matched: MatchedSite[];
  readonly traceOnly: MissedSite[];
  readonly scanOnly: ScanFinding[];
}

export function scanFindings(report: ScanReport): ScanFinding[] {
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => !message.fatal && message.ruleId)
      .map((message) => ({
        file: path.normalize(result.filePath),
        line: message.line,
        column: message.column,
        ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
        ruleId: message.ruleId!,
        message: message.message,
      })),
  );
}

/** The finding at a frame: on its line, or (for a call spread over lines) one whose range covers it. */
function findingAt(findings: readonly ScanFinding[], frame: UserFrame): ScanFinding | undefined {
  const inFile = findings.filter((finding) => finding.file === frame.file);
  return (
    inFile.find((finding) => finding.line === frame.line) ??
    inFile.find((finding) => finding.endLine !== undefined && finding.line <= frame.line && frame.line <= finding.endLine)
  );
}

/** `cwd` is the directory suggested settings entries name project files from. */
export function compare(sites: readonly TraceSite[], findings: readonly ScanFinding[], cwd: string): Comparison {
  const matched: MatchedSite[] = [];
  const traceOnly: MissedSite[] = [];
  const used = new Set<ScanFinding>();
  for (const site of sites) {
    const own = findingAt(findings, site);
    if (own) {
      used.add(own);
      matched.push({ site, finding: own, via: 'site', frame: site });
      continue;
    }
    const callerMatch = site.callers
      .flat()
      .map((frame) => ({ frame, finding: findingAt(findings, frame) }))
      .find((candidate) => candidate.finding !== undefined);
    if (callerMatch) {
      used.add(callerMatch.finding!);
      matched.push({ site, finding: callerMatch.finding!, via: 'caller', frame: callerMatch.frame });
      continue;
    }
    traceOnly.push({ site, diagnosis: diagnose(site, cwd) });
  }
  const scanOnly = findings.filter((finding) => !used.has(finding));
  return { matched, traceOnly, scanOnly };
}

/** Sites only the trace saw that are misses: low-severity catalog entries are left to the rules' option. */
export function unmatchedMisses(comparison: Comparison): MissedSite[] {
  return comparison.traceOnly.filter((miss) => miss.diagnosis.kind !== 'low-severity');
}
