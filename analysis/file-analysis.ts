import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ContextClassifier, type ExecutionContext } from './contexts.js';
import { HandlerIndex } from './handlers.js';
import { knowledgeFor } from './knowledge.js';
import { moduleGraphFor } from './module-graph/module-graph.js';
import type { PendingCall } from './module-graph/shapes.js';
import { readSettings, type UnblockSettings } from './settings.js';
import { StartupIndex } from './startup.js';
import { Tracker, type BlockingSite, type OffloadCall } from './tracker.js';
import { isToolingFile } from './tooling-file.js';
import { isWorkerThreadFile } from './worker-file.js';

/** A blocking site together with where it runs. */
export interface Finding {
  readonly site: BlockingSite;
  readonly context: ExecutionContext;
}

export interface FileAnalysis {
  readonly settings: UnblockSettings;
  /** Where a node runs; built on first use, since most files have nothing to classify. */
  readonly classifier: ContextClassifier;
  /** True for worker-thread files and tooling (scripts, tests, CLIs under bin/): nothing in them runs on a serving event loop. */
  readonly offServingLoop: boolean;
  /** Blocking calls that run in an async function or a sync handler. */
  readonly findings: readonly Finding[];
  /** Every blocking call the tracker found, wherever it runs (the codemods follow helpers with it). */
  readonly sites: readonly BlockingSite[];
  /** Calls of helpers from the project's other modules, wherever they run; `remoteSite` says whether one blocks. */
  readonly pendingCalls: readonly PendingCall[];
  /** The blocking chain behind a pending call (with `remote` set), looked up on first ask. */
  readonly remoteSite: (call: PendingCall) => BlockingSite | undefined;
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

  const modules = moduleGraphFor(settings);
  // A new file: look at the disk afresh, so that an editor sees a helper it just changed.
  modules.beginGeneration(context.languageOptions.parser);
  // ESLint passes absolute paths; a relative one (a test harness's) is relative to ESLint's cwd.
  const file = path.isAbsolute(context.filename) ? context.filename : path.resolve(context.cwd, context.filename);
  const tracker = new Tracker(sourceCode, knowledgeFor(settings, context.cwd), { modules, file });
  // The module graph keeps this file's summary from this parse, for the files that import it.
  const tracking = modules.trackLinted(file, sourceCode, () => tracker.run());
  let classifier: ContextClassifier | undefined;
  const getClassifier = (): ContextClassifier => {
    if (!classifier) {
      const handlers = new HandlerIndex(sourceCode, context.filename, tracker, tracking, settings.handlers, settings.disabledFamilies);
      const startup = new StartupIndex(sourceCode, tracking.pluginFunctions);
      classifier = new ContextClassifier(sourceCode, handlers, startup, settings.offloadWrappers);
    }
    return classifier;
  };
  // Worker threads and tooling (scripts, tests, CLIs) run off the event loop a service serves on.
  const offServingLoop = isWorkerThreadFile(sourceCode.text, file) || isToolingFile(file);

  const findings: Finding[] = [];
  if (!offServingLoop) {
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
    offServingLoop,
    findings,
    sites: tracking.sites,
    pendingCalls: offServingLoop ? [] : tracking.pendingCalls,
    remoteSite: (call) => modules.siteOf(call),
    offloadCalls: tracking.offloadCalls,
  };
  analyses.set(sourceCode.ast, analysis);
  return analysis;
}
