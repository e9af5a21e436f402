// One file seen twice: as ESLint sees it (the detector's tree, which the
// plugin's analysis and the engine's edits work on) and as TypeScript sees it
// (ts-morph, for references and types). Both parse the same text, so a node
// of one is found in the other by its offsets.

import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';

import { AST_NODE_TYPES, type TSESTree } from '../../analysis/estree.js';
import { walk, type FunctionNode } from '../../analysis/ast.js';
import { CallGraph, owningFunction } from '../../analysis/call-graph.js';
import type { BlockingSite } from '../../analysis/tracker.js';
import type { DetectorView } from '../engine/detector.js';

const rangeKey = (start: number, end: number): string => `${start}:${end}`;

export class FileIndex {
  readonly #calls = new Map<string, TSESTree.CallExpression>();
  readonly #functions = new Map<number, FunctionNode>();
  readonly #tsCalls = new Map<string, CallExpression>();
  /** Calls that run while a function runs (its body, array callbacks, immediately invoked functions), by function. */
  readonly #owned = new Map<FunctionNode, TSESTree.CallExpression[]>();
  /** The rule's same-file graph: which blocking chain a function reaches, and each call's local target. */
  readonly graph: CallGraph;
  readonly #localTargets = new Map<TSESTree.CallExpression, FunctionNode>();
  /** Blocking call sites the rules count (not cache-guarded filtering: that is the graph's), by owning function. */
  readonly #sites = new Map<FunctionNode, BlockingSite[]>();

  constructor(view: DetectorView, sourceFile: SourceFile, sites: readonly BlockingSite[]) {
    const { sourceCode } = view;
    for (const node of walk(sourceCode.ast, sourceCode.visitorKeys)) {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        this.#calls.set(rangeKey(node.range[0], node.range[1]), node);
        const owner = owningFunction(node);
        if (owner) this.#owned.set(owner, [...(this.#owned.get(owner) ?? []), node]);
      } else if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        this.#functions.set(node.range[0], node);
      }
    }
    for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      this.#tsCalls.set(rangeKey(call.getStart(), call.getEnd()), call);
    }
    this.graph = new CallGraph(sourceCode, sites);
    for (const { call, target } of this.graph.allCalls()) this.#localTargets.set(call, target);
    for (const site of sites) {
      if (site.form !== 'call') continue;
      const owner = owningFunction(site.node);
      if (owner) this.#sites.set(owner, [...(this.#sites.get(owner) ?? []), site]);
    }
  }

  /** The detector's call at the offsets of a TypeScript call. */
  callOf(call: CallExpression): TSESTree.CallExpression | undefined {
    return this.#calls.get(rangeKey(call.getStart(), call.getEnd()));
  }

  tsCallOf(call: TSESTree.CallExpression): CallExpression | undefined {
    return this.#tsCalls.get(rangeKey(call.range[0], call.range[1]));
  }

  /** The detector's function for a TypeScript function node. */
  functionOf(node: Node): FunctionNode | undefined {
    return this.#functions.get(estreeStart(node));
  }

  functionAt(start: number): FunctionNode | undefined {
    return this.#functions.get(start);
  }

  ownedCalls(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    return this.#owned.get(fn) ?? [];
  }

  ownSites(fn: FunctionNode): readonly BlockingSite[] {
    return this.#sites.get(fn) ?? [];
  }

  /** The local function the rule's graph resolves a call to (`this.load()`, a factory's result…). */
  localTarget(call: TSESTree.CallExpression): FunctionNode | undefined {
    return this.#localTargets.get(call);
  }
}

/**
 * Where the detector's tree starts a function: TypeScript counts `export` and `default` as part
 * of a function declaration, the detector puts them on the export statement around it.
 */
export function estreeStart(node: Node): number {
  if (Node.isFunctionDeclaration(node)) {
    const async = node.getModifiers().find((modifier) => modifier.getKind() === SyntaxKind.AsyncKeyword);
    if (async) return async.getStart();
    const keyword = node.getFirstChildByKind(SyntaxKind.FunctionKeyword);
    if (keyword) return keyword.getStart();
  }
  return node.getStart();
}
