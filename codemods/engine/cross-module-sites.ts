// What the rules report across modules, seen by `unblock fix`: a call, in an async function or a
// handler, of a helper in another of the project's modules that blocks. sync-callers fixes the
// helpers it can make async or move to a worker; every other such call is listed as left, with
// where it blocks, so that the summary never says less than the rules do.

import path from 'node:path';

import { AST_NODE_TYPES } from '../../analysis/estree.js';
import { withDetector } from './detector.js';
import type { FileResult, SiteOutcome } from './types.js';

/** The stage name in `unblock fix`'s report. */
export const CROSS_MODULE_STAGE = 'cross-module';

export function crossModuleSites(source: string, filePath: string): FileResult {
  const outcome = withDetector(source, filePath, ({ analysis, sourceCode }): SiteOutcome[] => {
    const left: SiteOutcome[] = [];
    if (analysis.offServingLoop) return left;
    for (const call of analysis.pendingCalls) {
      if (call.node.type !== AST_NODE_TYPES.CallExpression || !analysis.classifier.classify(call.node)) continue;
      const site = analysis.remoteSite(call);
      // What the rules report by default: high-severity calls.
      if (!site?.remote || site.entry.severity !== 'high') continue;
      const written = sourceCode.getText(call.node.callee);
      const api = written.length <= 40 ? written : 'the helper';
      const where = `${(path.relative(path.dirname(path.resolve(filePath)), site.remote.file) || path.basename(site.remote.file)).split(path.sep).join('/')}:${site.remote.line}`;
      left.push({
        line: call.node.loc.start.line,
        column: call.node.loc.start.column + 1,
        api,
        family: site.entry.family,
        reason: `\`${api}\` blocks in another module (\`${site.entry.display}\` at ${where}), and no codemod rewrote the call: make that helper async, or run it in a worker with \`workerModule\``,
      });
    }
    return left;
  });
  // A file that does not parse is every codemod's to report; this stage has nothing to add.
  return { fixed: [], left: outcome.ok ? outcome.value : [] };
}
