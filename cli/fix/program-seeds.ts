// Where the whole-program codemod starts: a file with a blocking call inside a function. Such a
// function may be a helper that code in another file calls from async code, which is what
// sync-callers rewrites; a file whose blocking calls are all at its top level (a config read at
// start-up) blocks no caller, however many files import it.

import { owningFunction } from '../../analysis/call-graph.js';
import { BLOCKING_RULE_DEFAULTS, createEntryFilter } from '../../analysis/blocking-options.js';
import { couldReport } from '../../analysis/prefilter.js';
import { withDetector } from '../../codemods/engine/detector.js';

/** The sites the transitive rule counts, as the program's own file index filters them. */
const counted = createEntryFilter('no-transitive-blocking', BLOCKING_RULE_DEFAULTS);

/**
 * True when `text` holds a blocking call the rules count inside a function (or a reference to a
 * blocking API, which a function may call through). The per-file codemods have just analysed the
 * same text, so the detector answers from its kept parse.
 */
export function blocksInAFunction(text: string, filePath: string): boolean {
  if (!couldReport(text)) return false;
  const outcome = withDetector(text, filePath, ({ analysis }) =>
    analysis.sites.some((site) => counted(site.entry) && (site.form === 'reference' || owningFunction(site.node) !== undefined)),
  );
  return outcome.ok && outcome.value;
}
