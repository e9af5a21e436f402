// Runs a codemod's planner on a file and guards its output: a file that does
// not parse is reported and left alone; an output that does not re-parse is
// never returned. A file in which the detector cannot find anything (see
// `couldReport`) is only checked for syntax: the planner would find no site.

import { couldReport } from '../../analysis/prefilter.js';
import { checkSyntax, parses, withDetector, type DetectorView } from './detector.js';
import type { FileResult, SiteOutcome } from './types.js';

export interface PlannedFile {
  readonly output?: string;
  /** Where each input line begins in `output` (Rewriter.lineStarts), so no one has to diff them. */
  readonly lineStarts?: Int32Array;
  readonly fixed: readonly SiteOutcome[];
  readonly left: readonly SiteOutcome[];
}

export interface RunPlannerOptions {
  /** False: analyse every file, even one `couldReport` rules out (the tests compare both ways). */
  readonly prefilter?: boolean;
}

export function runPlanner(source: string, filePath: string, plan: (view: DetectorView) => PlannedFile, options: RunPlannerOptions = {}): FileResult {
  if (options.prefilter !== false && !couldReport(source)) {
    // A planner given no site plans nothing: what is left to say is whether the file parses.
    const check = checkSyntax(source, filePath);
    return check.ok ? { fixed: [], left: [] } : { fixed: [], left: [], error: { kind: 'parse', message: check.message, ...position(check) } };
  }
  const outcome = withDetector(source, filePath, plan);
  if (!outcome.ok) {
    return { fixed: [], left: [], error: { kind: 'parse', message: outcome.message, ...position(outcome) } };
  }
  const { output, fixed, left, lineStarts } = outcome.value;
  if (output === undefined || output === source) return { fixed, left };
  const check = parses(output, filePath);
  if (!check.ok) {
    const reason = 'the rewrite would not parse, so the file was left as it was';
    return {
      fixed: [],
      left: [...fixed, ...left].map((site) => ({ ...site, reason: site.reason ?? reason })),
      error: { kind: 'reparse', message: `the rewritten file does not parse (${check.message}); it was not written`, ...position(check) },
    };
  }
  return { output, fixed, left, ...(lineStarts === undefined ? {} : { lineStarts }) };
}

function position(outcome: { readonly line?: number; readonly column?: number }): { line?: number; column?: number } {
  return {
    ...(outcome.line === undefined ? {} : { line: outcome.line }),
    ...(outcome.column === undefined ? {} : { column: outcome.column }),
  };
}
