import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ContextClassifier, type ExecutionContext } from './contexts.js';
import { HandlerIndex } from './handlers.js';
import { knowledgeFor } from './knowledge.js';
import { readSettings, type UnblockSettings } from './settings.js';
import { StartupIndex } from './startup.js';
import { Tracker, type BlockingSite, type OffloadCall } from './tracker.js';

/** A blocking site together with where it runs. */
export interface Finding {
  readonly site: BlockingSite;
  readonly context: ExecutionContext;
}

export interface FileAnalysis {
  readonly settings: UnblockSettings;
  /** Where a node runs; built on first use, since most files have nothing to classify. */
  readonly classifier: ContextClassifier;
  /** True for worker-thread files: their code runs off the main event loop. */
  readonly isWorkerFile: boolean;
  /** Blocking calls that run in an async function or a sync handler. */
  readonly findings: readonly Finding[];
  /** Every blocking call the tracker found, wherever it runs (the codemods follow helpers with it). */
  readonly sites: readonly BlockingSite[];
  /** Calls that send a function to a worker (`offload`, `runInExecutor`, `executor.submit`). */
  readonly offloadCalls: readonly OffloadCall[];
}

// Keyed by the AST so that the entry dies with the file: several rules share one analysis per
// file, and the cache can never grow past the files ESLint itself still holds.
const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The shared analysis of the file being linted; computed once, on the first rule that asks. */
export function analyzeFile(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const cached = analyses.get(sourceCode.ast);
  if (cached && cached.settings === settings) return cached;

  const tracker = new Tracker(sourceCode, knowledgeFor(settings));
  const tracking = tracker.run();
  let classifier: ContextClassifier | undefined;
  const getClassifier = (): ContextClassifier => {
    if (!classifier) {
      const handlers = new HandlerIndex(sourceCode, context.filename, tracker, tracking, settings.handlers, settings.disabledFamilies);
      const startup = new StartupIndex(sourceCode, tracking.pluginFunctions);
      classifier = new ContextClassifier(sourceCode, handlers, startup, settings.offloadWrappers);
    }
    return classifier;
  };
  const isWorkerFile = isWorkerThreadFile(sourceCode.text, context.filename);

  const findings: Finding[] = [];
  if (!isWorkerFile) {
    for (const site of tracking.sites) {
      const executionContext = getClassifier().classify(site.node);
      if (executionContext) findings.push({ site, context: executionContext });
    }
  }
  const analysis: FileAnalysis = {
    settings,
    get classifier() {
      return getClassifier();
    },
    isWorkerFile,
    findings,
    sites: tracking.sites,
    offloadCalls: tracking.offloadCalls,
  };
  analyses.set(sourceCode.ast, analysis);
  return analysis;
}

/**
 * Code that talks to `parentPort`, reads `workerData` or branches on `isMainThread` (a file that
 * starts itself as a worker) runs in a worker thread, where blocking is the point. A text check
 * is enough: the names are specific to `worker_threads`. So is a `*.worker.js` name, the
 * convention for a file that is only ever a worker's script.
 */
function isWorkerThreadFile(text: string, filename: string): boolean {
  if (WORKER_SCRIPT_NAME.test(filename)) return true;
  return text.includes('worker_threads') && (text.includes('parentPort') || text.includes('workerData') || text.includes('isMainThread'));
}

const WORKER_SCRIPT_NAME = /\.worker\.[cm]?[jt]sx?$/;
