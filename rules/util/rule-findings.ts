// What a rule sees of the file: the shared syntactic analysis, plus, in the
// type-aware configuration, the blocking methods found through types.

import type { TSESLint } from '@typescript-eslint/utils';

import { analyzeFile, mayReport, type FileAnalysis, type Finding } from '../../analysis/file-analysis.js';
import type { BlockingSite } from '../../analysis/tracker.js';
import { analyzeTypes, requireTypeInformation } from '../../analysis/typed-receivers.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface RuleView {
  readonly analysis: FileAnalysis;
  readonly findings: readonly Finding[];
  readonly sites: readonly BlockingSite[];
}

/**
 * Checks for type information at once when `typeAware` is on, so a misconfiguration fails loudly.
 * The view is undefined when nothing in the file can be reported (see `mayReport`): then the file
 * is not analysed at all. Type information may find blocking methods that no text names.
 */
export function ruleView(context: AnyContext, ruleName: string, typeAware: boolean | undefined): () => RuleView | undefined {
  if (typeAware) requireTypeInformation(context, ruleName);
  return () => {
    if (!typeAware && !mayReport(context)) return undefined;
    const analysis = analyzeFile(context);
    if (!typeAware) return { analysis, findings: analysis.findings, sites: analysis.sites };
    const typed = analyzeTypes(context, analysis);
    return { analysis, findings: [...analysis.findings, ...typed.findings], sites: [...analysis.sites, ...typed.sites] };
  };
}
