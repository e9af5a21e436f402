import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ContextClassifier, type ExecutionContext } from './contexts.js';
import { HandlerIndex } from './handlers.js';
import { knowledgeFor } from './knowledge.js';
import { moduleGraphFor, type ModuleGraph } from './module-graph/module-graph.js';
import type { PendingCall } from './module-graph/shapes.js';
import { mayCallBlockingApi } from './prefilter.js';
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

const gates = new WeakMap<TSESTree.Program, { readonly settings: UnblockSettings; readonly value: boolean }>();
/** Files whose look at the disk has begun (see `beginGeneration`): once per file, whichever asks first. */
const generations = new WeakSet<TSESTree.Program>();

/**
 * False when no blocking call can be reported in the file being linted, from text alone: it calls
 * none of the catalog's blocking APIs by name (`mayCallBlockingApi`), and no module of the project
 * it imports names one, at any depth. Such a file needs no analysis: on a real 504-file service,
 * 241 files. The syntactic rules ask this first (no-busy-wait also looks for its loops and
 * `Atomics.wait`); type information can find more.
 */
export function mayReport(context: AnyContext): boolean {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const cached = gates.get(sourceCode.ast);
  if (cached && cached.settings === settings) return cached.value;
  const text = sourceCode.text;
  const value = mayCallBlockingApi(text, settings) || graphForFile(context, settings).importsReachBlocking(fileOf(context), text);
  gates.set(sourceCode.ast, { settings, value });
  return value;
}

/** The module graph, with its look at the disk begun for this file. */
function graphForFile(context: AnyContext, settings: UnblockSettings): ModuleGraph {
  const modules = moduleGraphFor(settings);
  if (!generations.has(context.sourceCode.ast)) {
    generations.add(context.sourceCode.ast);
    // A new file: look at the disk afresh, so that an editor sees a helper it just changed.
    modules.beginGeneration(context.languageOptions.parser);
  }
  return modules;
}

/** ESLint passes absolute paths; a relative one (a test harness's) is relative to ESLint's cwd. */
function fileOf(context: AnyContext): string {
  return path.isAbsolute(context.filename) ? context.filename : path.resolve(context.cwd, context.filename);
}

/** The shared analysis of the file being linted; computed once, on the first rule that asks. */
export function analyzeFile(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const cached = analyses.get(sourceCode.ast);
  if (cached && cached.settings === settings) return cached;

  const modules = graphForFile(context, settings);
  const file = fileOf(context);
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
