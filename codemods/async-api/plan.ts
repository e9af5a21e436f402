// The async-api codemod's plan for one file: for every site the detector
// reports, rewrite the call and make the `await` legal, or leave the site
// with the reason. Edits are applied to the original text; imports last.

import { AST_NODE_TYPES } from '../../analysis/estree.js';
import type { Finding } from '../../analysis/file-analysis.js';
import { awaitAround, planAwait, type PlacementEnv } from '../engine/await-placement.js';
import type { DetectorView } from '../engine/detector.js';
import { detectStyle } from '../engine/file-style.js';
import { ImportPlan } from '../engine/imports.js';
import { NamePicker } from '../engine/names.js';
import { Rewriter } from '../engine/rewriter.js';
import type { SiteOutcome } from '../engine/types.js';
import { identifiersIn, planCall } from './call-rewrite.js';
import type { CallEnv } from './types.js';

export interface FilePlan {
  readonly output?: string;
  readonly lineStarts?: Int32Array;
  readonly fixed: SiteOutcome[];
  readonly left: SiteOutcome[];
}

/** Sleep packages belong to the busy-wait codemod. */
const OTHER_CODEMODS = new Set(['sleep']);

export function planFile(view: DetectorView): FilePlan {
  const { sourceCode, analysis, filePath } = view;
  const fixed: SiteOutcome[] = [];
  const left: SiteOutcome[] = [];
  // Exactly what the recommended rules report: low-severity APIs (a few random bytes) are off there.
  const findings = analysis.findings.filter((finding) => !OTHER_CODEMODS.has(finding.site.entry.family) && finding.site.entry.severity !== 'low');
  if (findings.length === 0) return { fixed, left };

  const rewriter = new Rewriter(sourceCode.text);
  const names = new NamePicker(sourceCode);
  const style = detectStyle(sourceCode, filePath);
  const placementEnv: PlacementEnv = { sourceCode, rewriter, names, style, filePath };
  const env: CallEnv = { ...placementEnv, imports: new ImportPlan(sourceCode, style, names, rewriter) };

  for (const finding of [...findings].sort((a, b) => a.site.node.range[0] - b.site.node.range[0])) {
    const outcome = describe(finding);
    const call = planCall(finding.site, env);
    if (!call.ok) {
      left.push({ ...outcome, reason: call.reason });
      continue;
    }
    const placement = planAwait(finding.site.node, finding.context, placementEnv);
    if (!placement.ok) {
      left.push({ ...outcome, reason: placement.reason });
      continue;
    }
    const node = finding.site.node;
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const restoreImports = env.imports.snapshot();
    const failure = rewriter.attempt(() => {
      placement.apply();
      const rewrite = call.build();
      // Names the new callee still uses (`bcrypt` in `bcrypt.compare`) stay referenced.
      const stillUsed = new Set(rewrite.callee.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu) ?? []);
      rewriter.replace(node.callee, rewrite.callee, identifiersIn(node.callee, placementEnv).filter((identifier) => !stillUsed.has(identifier.name)));
      rewrite.edit?.(rewriter);
      const { open, close } = awaitAround(node, placementEnv.sourceCode);
      rewriter.before(node, `${open}${rewrite.before ?? ''}`);
      rewriter.after(node, `${rewrite.after ?? ''}${close}`);
    });
    if (failure) {
      restoreImports();
      left.push({ ...outcome, reason: 'its rewrite overlaps another rewrite in the same expression; split the expression and run the codemod again' });
      continue;
    }
    fixed.push(outcome);
  }
  env.imports.finish();
  return rewriter.changed ? { ...rewriter.rewritten(), fixed, left } : { fixed, left };
}

function describe(finding: Finding): SiteOutcome {
  const { loc } = finding.site.node;
  return { line: loc.start.line, column: loc.start.column + 1, api: finding.site.entry.display, family: finding.site.entry.family };
}
