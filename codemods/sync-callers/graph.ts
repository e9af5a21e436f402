// The program's blocking call graph: which functions block (a blocking call of
// their own, found by the plugin's detector, or a call into one that blocks,
// resolved by the type checker across modules), and the calls the rules
// report: a call in an async function or handler to a sync function that blocks.

import type { TSESTree } from '@typescript-eslint/utils';
import { SyntaxKind, type CallExpression } from 'ts-morph';

import type { ExecutionContext } from '../../analysis/contexts.js';
import type { BlockingSite } from '../../analysis/tracker.js';
import type { SiteOutcome } from '../engine/types.js';
import type { FunctionInfo, Functions } from './functions.js';
import type { ProgramFile } from './program.js';

export interface Edge {
  readonly call: TSESTree.CallExpression;
  readonly tsCall: CallExpression;
  readonly target: FunctionInfo;
}

/** A call the rule reports: in async code, to a sync helper that blocks. */
export interface Root {
  readonly file: ProgramFile;
  readonly call: TSESTree.CallExpression;
  readonly tsCall: CallExpression;
  /** The helper; undefined when only the rule's own graph resolves it (a method, a factory's result). */
  readonly target: FunctionInfo | undefined;
  readonly context: ExecutionContext;
  /** The site, as the rule reports it. */
  readonly site: Omit<SiteOutcome, 'reason'>;
}

export class ProgramGraph {
  readonly #functions: Functions;
  readonly #edges = new Map<FunctionInfo, Edge[]>();
  readonly #blocks = new Map<FunctionInfo, BlockingSite | null>();
  readonly #inProgress = new Set<FunctionInfo>();

  constructor(functions: Functions) {
    this.#functions = functions;
  }

  /** Calls that run while `info` runs, to functions of the program. */
  edges(info: FunctionInfo): readonly Edge[] {
    const known = this.#edges.get(info);
    if (known) return known;
    const edges: Edge[] = [];
    for (const call of info.file.index.ownedCalls(info.estree)) {
      const tsCall = info.file.index.tsCallOf(call);
      const target = tsCall ? this.#functions.resolveCall(tsCall) : undefined;
      if (tsCall && target) edges.push({ call, tsCall, target });
    }
    this.#edges.set(info, edges);
    return edges;
  }

  /** The edges of `info` to functions that block. */
  blockingEdges(info: FunctionInfo): readonly Edge[] {
    return this.edges(info).filter((edge) => this.blocks(edge.target));
  }

  blocks(info: FunctionInfo): boolean {
    return this.firstSite(info) !== undefined;
  }

  /** The first blocking call `info` reaches; undefined when it does not block (async functions do not, for this rule). */
  firstSite(info: FunctionInfo): BlockingSite | undefined {
    if (info.isAsync || info.isGenerator) return undefined;
    const known = this.#blocks.get(info);
    if (known !== undefined) return known ?? undefined;
    if (this.#inProgress.has(info)) return undefined;
    this.#inProgress.add(info);
    let site = info.file.index.graph.chainFrom(info.estree)?.site;
    if (!site) {
      for (const edge of this.edges(info)) {
        site = this.firstSite(edge.target);
        if (site) break;
      }
    }
    this.#inProgress.delete(info);
    this.#blocks.set(info, site ?? null);
    return site;
  }

  /** True when `info` has a blocking call of its own (not only through other functions). */
  blocksDirectly(info: FunctionInfo): boolean {
    return info.file.index.ownSites(info.estree).length > 0 && info.file.index.graph.chainFrom(info.estree)?.functions.length === 1;
  }

  /**
   * Blocking calls of `info` that this codemod does not follow: to a method or a factory's
   * result that the rule's own graph resolves. Making `info` async would not stop it blocking.
   */
  unfollowed(info: FunctionInfo): string | undefined {
    const { index } = info.file;
    for (const call of index.ownedCalls(info.estree)) {
      const local = index.localTarget(call);
      if (!local || !index.graph.chainFrom(local)) continue;
      const tsCall = index.tsCallOf(call);
      if (tsCall && this.#functions.resolveCall(tsCall)) continue;
      return `\`${info.name}\` also blocks through \`${info.file.view.sourceCode.getText(call.callee)}\` (line ${call.loc.start.line}), which the codemod does not follow`;
    }
    return undefined;
  }

  /** Every call the rule reports in the files the codemod may rewrite. */
  roots(files: Iterable<ProgramFile>): Root[] {
    const roots: Root[] = [];
    for (const file of files) {
      if (!file.editable || file.view.analysis.offServingLoop) continue;
      const { index, view } = file;
      for (const tsCall of file.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
        const call = index.callOf(tsCall);
        if (!call) continue;
        const target = this.#functions.resolveCall(tsCall);
        const local = index.localTarget(call);
        const site = (target ? this.firstSite(target) : undefined) ?? (local && !target ? index.graph.chainFrom(local)?.site : undefined);
        if (!site) continue;
        const context = view.analysis.classifier.classify(call);
        if (!context) continue;
        const written = view.sourceCode.getText(call.callee);
        roots.push({
          file,
          call,
          tsCall,
          target,
          context,
          site: { line: call.loc.start.line, column: call.loc.start.column + 1, api: written.length <= 40 ? written : 'the helper', family: site.entry.family },
        });
      }
    }
    return roots;
  }
}
