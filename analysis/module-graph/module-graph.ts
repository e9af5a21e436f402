// The project's own modules, summarised by what their exports do: the piece that lets the untyped
// rules follow `config.load()` in routes.js into lib/config.js, which reads a file. After
// eslint-plugin-import-x's ExportMap: each module is read and parsed at most once per process,
// its summary is cached by path, size and mtime (an editor that changes a helper sees the change
// in the files that import it), and the cache is bounded.
//
// Most modules of a service name no blocking API and import nothing that does; a text check
// (the catalog's module names, and the modules they import, transitively) keeps those from ever
// being parsed.

import { readFileSync, statSync } from 'node:fs';

import type { TSESLint } from '@typescript-eslint/utils';

import { CallGraph, type CompactFunction } from '../call-graph.js';
import { knowledgeFor, type Knowledge } from '../knowledge.js';
import type { UnblockSettings } from '../settings.js';
import { Tracker, type BlockingSite, type TrackingResult } from '../tracker.js';
import { isWorkerThreadFile } from '../worker-file.js';
import { BlockingReach, type Reads } from './blocking-reach.js';
import { debugModules } from './debug.js';
import { readExports, withoutExportsPrefix } from './export-shapes.js';
import { parseModule, type ModuleParser } from './parse-module.js';
import { quickProjectImports } from './quick-imports.js';
import { ProjectResolver } from './resolver.js';
import { sameStamp, type Stamp } from './stamp.js';
import { CALL, mayBlock, memberShape, NAMESPACE, NEW, REQUIRE, UNKNOWN, type ExportShape, type ModuleSummary, type PendingCall, type ProjectModules, type RemoteChain } from './shapes.js';

/** Summaries kept at once; a 5,000-file service needs far fewer, since inert modules are cheap. */
const MAX_SUMMARIES = 4_000;
/** A module this large is generated or bundled: not a helper anyone wrote. */
const MAX_MODULE_BYTES = 1_000_000;
/** Modules read (not parsed) in one text check of what a module imports, before giving up and parsing it. */
const MAX_QUICK_VISITS = 500;
/** Links followed in one lookup before giving up: re-exports of re-exports, or a loop of them. */
const MAX_LINK_STEPS = 32;

interface Entry {
  readonly stamp: Stamp | undefined;
  readonly summary: ModuleSummary;
  /** Bumped whenever the file's summary is recomputed, so importers know theirs is stale. */
  readonly version: number;
  /** The summaries this one was built from, with the version each had. */
  readonly deps: ReadonlyMap<string, number>;
  /** Files only read (by the text check of what a module imports), with the stamp each had. */
  readonly reads: ReadonlyMap<string, Stamp | undefined>;
}

const inert = (file: string): ModuleSummary => ({ file, exports: new Map(), starExports: [], inert: true });

export class ModuleGraph implements ProjectModules {
  readonly #knowledge: Knowledge;
  readonly #resolver = new ProjectResolver();
  readonly #entries = new Map<string, Entry>();
  readonly #inProgress = new Set<string>();
  #parser: ModuleParser | undefined;
  readonly #chainsInProgress = new Set<CompactFunction>();
  /** Chains worked out for functions of summarised modules, with the summaries each read. */
  readonly #chains = new WeakMap<CompactFunction, { readonly chain: RemoteChain | undefined; readonly deps: ReadonlyMap<string, number> }>();
  /** Pending calls already looked up; dies with the tracked file's calls. */
  readonly #sites = new WeakMap<PendingCall, BlockingSite | null>();
  /** Files whose summaries the summaries being built have read: one set per module being built. */
  readonly #depStack: Array<Map<string, number>> = [];
  /** Stats taken in this generation (see `beginGeneration`). */
  #stats = new Map<string, Stamp | undefined>();
  #validated = new Set<string>();
  #versions = 0;
  /** Quick "can anything it reaches block?" answers, from the modules' text alone. */
  readonly #reach: BlockingReach;

  constructor(settings: UnblockSettings) {
    this.#knowledge = knowledgeFor(settings);
    this.#reach = new BlockingReach({
      settings,
      stat: (file) => this.#stat(file),
      resolve: (fromFile, specifier) => this.resolve(fromFile, specifier),
      maxBytes: MAX_MODULE_BYTES,
      maxEntries: MAX_SUMMARIES * 4,
      maxVisits: MAX_QUICK_VISITS,
    });
  }

  /**
   * Starts a new look at the file system: stats and validations taken before are forgotten. Called
   * once per linted file, so that a long editor session sees every change between two lints.
   */
  beginGeneration(parser?: ModuleParser): void {
    // Other modules are parsed as the linted file is: the same parser, so the same syntax.
    if (parser) this.#parser = parser;
    this.#stats = new Map();
    this.#validated = new Set();
    // Every summary and quick answer rests on how imports resolved: when the resolver forgets (a
    // file appeared where an import found none, or its lifetime ran out), they go with it.
    if (this.#resolver.refresh()) {
      this.#entries.clear();
      this.#reach.clear();
    }
  }

  /** How many summaries are cached now: for tests of the bound. */
  get cachedSummaries(): number {
    return this.#entries.size;
  }

  // ── ProjectModules: what the tracker asks ──────────────────────────────────────────────────

  importLink(fromFile: string, specifier: string, imported: string, path: readonly string[]): ExportShape | undefined {
    const file = this.resolve(fromFile, specifier);
    if (file === undefined) return undefined;
    const head = imported === 'require' ? REQUIRE : imported === '*' ? NAMESPACE : imported;
    return { kind: 'link', file, path: [head, ...path] };
  }

  /**
   * The blocking chain behind a call the tracker recorded, read from the summaries of the modules
   * it leads into: built here, the first time a call that runs while serving asks. Undefined when
   * the call does not block, or nothing can be known of it.
   */
  siteOf(pending: PendingCall): BlockingSite | undefined {
    const known = this.#sites.get(pending);
    if (known !== undefined) return known ?? undefined;
    const callee = this.#follow(pending.shape);
    const chain = pending.isNew ? (callee.kind === 'class' ? callee.construct : undefined) : callee.kind === 'function' ? callee.chain : undefined;
    const site: BlockingSite | undefined = chain && {
      node: pending.node,
      entry: chain.entry,
      form: 'call',
      ...(chain.module === undefined ? {} : { module: chain.module }),
      remote: chain,
    };
    this.#sites.set(pending, site ?? null);
    return site;
  }

  /**
   * The blocking chain behind calling a function of `file`, from its compact call graph, with the
   * chains of the calls it makes into other modules: those modules are read now, the first time
   * a caller asks. Kept on the function, with the versions of the summaries it read, so a helper
   * that changed since is followed afresh.
   */
  #chainOf(fn: CompactFunction, file: string): RemoteChain | undefined {
    const known = this.#chains.get(fn);
    if (known && [...known.deps].every(([dep, version]) => this.#valid(dep)?.version === version)) {
      for (const [dep, version] of known.deps) this.#depStack.at(-1)?.set(dep, version);
      return known.chain;
    }
    // Recursion, within the module or round a cycle of modules, ends the walk.
    if (fn.skipped || this.#chainsInProgress.has(fn)) return undefined;
    this.#chainsInProgress.add(fn);
    const deps = new Map<string, number>();
    this.#depStack.push(deps);
    let chain: RemoteChain | undefined;
    try {
      chain = this.#walkChain(fn, file);
    } finally {
      this.#depStack.pop();
      this.#chainsInProgress.delete(fn);
    }
    for (const [dep, version] of deps) this.#depStack.at(-1)?.set(dep, version);
    this.#chains.set(fn, { chain, deps });
    return chain;
  }

  #walkChain(fn: CompactFunction, file: string): RemoteChain | undefined {
    const name = withoutExportsPrefix(fn.name);
    if (fn.direct) return { functions: [name], entry: fn.direct.entry, ...(fn.direct.module === undefined ? {} : { module: fn.direct.module }), file, line: fn.direct.line };
    for (const { call, written } of fn.pending) {
      const callee = this.#follow(call.shape);
      const remote = call.isNew ? (callee.kind === 'class' ? callee.construct : undefined) : callee.kind === 'function' ? callee.chain : undefined;
      // What a summary passes on is what the rules report by default: high-severity calls.
      if (remote && remote.entry.severity === 'high') return { ...remote, functions: [name, written, ...remote.functions.slice(1)] };
    }
    for (const callee of fn.calls) {
      const deeper = this.#chainOf(callee, file);
      if (deeper) return { ...deeper, functions: [name, ...deeper.functions] };
    }
    return undefined;
  }

  /** The project file `specifier` names from `fromFile`; undefined for packages, built-ins and what does not resolve. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const resolution = this.#resolver.resolve(fromFile, specifier);
    if (!resolution.ok) {
      // Packages in node_modules and built-ins are the catalog's business; say why anything else stopped.
      if (!resolution.expected) debugModules(`${fromFile}: '${specifier}' is not followed: ${resolution.reason}`);
      return undefined;
    }
    return resolution.file;
  }

  /**
   * Whether a module of the project that `text` (the file ESLint lints, perhaps an editor's
   * unsaved buffer) imports names a blocking API, or imports one that does, at any depth: from
   * the modules' text, without parsing any of them.
   */
  importsReachBlocking(file: string, text: string): boolean {
    return quickProjectImports(file, text, (fromFile, specifier) => this.resolve(fromFile, specifier)).some((imported) => this.#reach.reaches(imported, undefined, new Map()));
  }

  // ── following links ────────────────────────────────────────────────────────────────────────

  #follow(shape: ExportShape): ExportShape {
    let current = shape;
    for (let steps = 0; current.kind === 'link'; steps++) {
      if (steps >= MAX_LINK_STEPS) {
        debugModules(`${current.file}: gave up following re-exports after ${MAX_LINK_STEPS} steps (a loop?)`);
        return UNKNOWN;
      }
      current = this.#resolveLink(current.file, current.path);
    }
    return current;
  }

  /** One step: the module's export the link's head names, then its members, calls and constructions. */
  #resolveLink(file: string, path: readonly string[]): ExportShape {
    const summary = this.summaryOf(file);
    if (!summary || summary.inert) return UNKNOWN;
    const [head, ...rest] = path;
    let shape = head === REQUIRE ? this.#moduleExports(summary) : head === NAMESPACE || head === undefined ? this.#namespace(summary) : this.#exportNamed(summary, head, new Set());
    for (const step of rest) {
      if (shape.kind === 'link') shape = { kind: 'link', file: shape.file, path: [...shape.path, step] };
      else if (step === CALL) shape = shape.kind === 'function' ? (shape.returns ?? UNKNOWN) : UNKNOWN;
      else if (step === NEW) shape = shape.kind === 'class' ? shape.instance : UNKNOWN;
      else shape = memberShape(shape, step);
    }
    return shape;
  }

  /** What `require()` of the module gives: `module.exports`, or the namespace of an ES module. */
  #moduleExports(summary: ModuleSummary): ExportShape {
    return summary.exports.get('*') ?? this.#namespace(summary);
  }

  /** `import * as ns`: every export; for a CommonJS module, module.exports's members and `default`. */
  #namespace(summary: ModuleSummary): ExportShape {
    const whole = summary.exports.get('*');
    if (whole) {
      const members = new Map(whole.kind === 'object' ? whole.members : []);
      members.set('default', whole);
      return { kind: 'object', members };
    }
    const members = new Map(summary.exports);
    for (const file of summary.starExports) {
      const star = this.summaryOf(file);
      for (const name of star?.exports.keys() ?? []) if (name !== 'default' && !members.has(name)) members.set(name, { kind: 'link', file, path: [name] });
    }
    return { kind: 'object', members };
  }

  #exportNamed(summary: ModuleSummary, name: string, seen: Set<string>): ExportShape {
    const direct = summary.exports.get(name);
    if (direct) return direct;
    const whole = summary.exports.get('*');
    if (whole) return name === 'default' ? whole : memberShape(whole, name);
    if (name === 'default' || seen.has(summary.file)) return UNKNOWN;
    seen.add(summary.file);
    for (const file of summary.starExports) {
      const star = this.summaryOf(file);
      if (!star || star.inert) continue;
      const found = this.#exportNamed(star, name, seen);
      if (found.kind !== 'unknown') return found;
    }
    return UNKNOWN;
  }

  // ── summaries ──────────────────────────────────────────────────────────────────────────────

  /** The summary of one of the project's files; undefined while it is being built (an import cycle) or when it cannot be read. */
  summaryOf(file: string): ModuleSummary | undefined {
    const cached = this.#valid(file);
    if (cached) {
      this.#depStack.at(-1)?.set(file, cached.version);
      return cached.summary;
    }
    if (this.#inProgress.has(file)) {
      // The walk entered the cycle elsewhere: what lies beyond this point is not followed. The
      // summaries built meanwhile say so and are kept like any other: rebuilding them for every
      // file linted costs a parse of the whole cycle each time.
      debugModules(`${file}: circular import; the chain ends here`);
      return undefined;
    }
    const stamp = this.#stat(file);
    if (!stamp) {
      debugModules(`${file}: cannot be read`);
      return undefined;
    }
    this.#inProgress.add(file);
    const deps = new Map<string, number>();
    const reads: Reads = new Map();
    this.#depStack.push(deps);
    let summary: ModuleSummary;
    try {
      summary = this.#build(file, stamp, reads);
    } finally {
      this.#depStack.pop();
      this.#inProgress.delete(file);
    }
    const entry: Entry = { stamp, summary, version: ++this.#versions, deps, reads };
    this.#store(file, entry);
    this.#depStack.at(-1)?.set(file, entry.version);
    return summary;
  }

  #build(file: string, stamp: Stamp, reads: Reads): ModuleSummary {
    if (stamp.size > MAX_MODULE_BYTES) {
      debugModules(`${file}: ${stamp.size} bytes, treated as generated code and not summarised`);
      return inert(file);
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      debugModules(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return inert(file);
    }
    if (looksGenerated(text)) {
      debugModules(`${file}: minified or generated, not summarised`);
      return inert(file);
    }
    // Code in a worker thread blocks nobody's event loop: its exports run there.
    if (isWorkerThreadFile(text, file)) return inert(file);
    // Whether this module needs a parse depends on the text of the modules it imports: `reads`.
    if (!this.#reach.reaches(file, text, reads)) return inert(file);
    if (!this.#parser) return inert(file);
    const parsed = parseModule(file, text, this.#parser);
    if (!parsed.ok) {
      debugModules(`${file}: ${parsed.reason}`);
      return inert(file);
    }
    const { sourceCode } = parsed;
    return this.#summarize(file, sourceCode, new Tracker(sourceCode, this.#knowledge, { modules: this, file }).run());
  }

  /** The summary of a parsed module, from its tracker's findings and its own call graph. */
  #summarize(file: string, sourceCode: Readonly<TSESLint.SourceCode>, tracking: TrackingResult): ModuleSummary {
    // What a summary passes on is what the rules report by default: high-severity calls.
    const high = (site: BlockingSite | undefined): BlockingSite | undefined => (site?.form === 'call' && site.entry.severity === 'high' ? site : undefined);
    const sites = tracking.sites.filter((site) => high(site));
    const callGraph = new CallGraph(sourceCode, sites, { calls: tracking.pendingCalls, resolve: (pending) => high(this.siteOf(pending)) });
    const { exports, starExports } = readExports({
      file,
      sourceCode,
      callGraph,
      chainOf: (fn) => this.#chainOf(fn, file),
      resolve: (specifier) => this.resolve(file, specifier),
    });
    const summary: ModuleSummary = { file, exports, starExports, inert: false };
    const anything = [...exports.values()].some((shape) => mayBlock(shape)) || starExports.length > 0;
    return anything ? summary : inert(file);
  }

  /**
   * Runs the tracker of a file ESLint is linting, and keeps the file's summary from that same
   * parse, so that a later file importing it does not parse it again. Only when the text ESLint
   * has is the file on disk (an editor's unsaved buffer is not).
   */
  trackLinted(file: string, sourceCode: Readonly<TSESLint.SourceCode>, run: () => TrackingResult): TrackingResult {
    if (this.#valid(file) || this.#inProgress.has(file)) return run();
    const stamp = this.#stat(file);
    if (!stamp || stamp.size > MAX_MODULE_BYTES) return run();
    const deps = new Map<string, number>();
    this.#inProgress.add(file);
    this.#depStack.push(deps);
    let tracking: TrackingResult;
    try {
      tracking = run();
    } finally {
      this.#depStack.pop();
      this.#inProgress.delete(file);
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return tracking;
    }
    if ((text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) !== sourceCode.text) return tracking;
    // Summarising a file that calls into other modules would look them all up now, for code that
    // may never run while serving: leave that to the first importer that needs it.
    if (tracking.pendingCalls.length > 0) return tracking;
    const reads: Reads = new Map();
    let summary: ModuleSummary;
    if (looksGenerated(text) || isWorkerThreadFile(text, file)) summary = inert(file);
    else {
      summary = this.#reach.reaches(file, text, reads) ? this.#summarize(file, sourceCode, tracking) : inert(file);
    }
    this.#store(file, { stamp, summary, version: ++this.#versions, deps, reads });
    return tracking;
  }

  #store(file: string, entry: Entry): void {
    if (this.#entries.size >= MAX_SUMMARIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(file, entry);
    this.#validated.add(file);
  }

  // ── freshness ──────────────────────────────────────────────────────────────────────────────

  #stat(file: string): Stamp | undefined {
    if (this.#stats.has(file)) return this.#stats.get(file);
    let stamp: Stamp | undefined;
    try {
      const stats = statSync(file);
      stamp = stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
    } catch {
      stamp = undefined;
    }
    this.#stats.set(file, stamp);
    return stamp;
  }

  /** The cached entry, when the file and every summary it was built from are unchanged. */
  #valid(file: string, visiting = new Set<string>()): Entry | undefined {
    const entry = this.#entries.get(file);
    if (!entry) return undefined;
    if (this.#validated.has(file)) return entry;
    visiting.add(file);
    let fresh = sameStamp(this.#stat(file), entry.stamp) && [...entry.reads].every(([read, stamp]) => sameStamp(this.#stat(read), stamp));
    for (const [dep, version] of entry.deps) {
      if (!fresh) break;
      if (visiting.has(dep)) continue;
      const current = this.#valid(dep, visiting);
      fresh = current !== undefined && current.version === version;
    }
    if (!fresh) {
      this.#entries.delete(file);
      return undefined;
    }
    // Most recently used last, so that the bound evicts the oldest.
    this.#entries.delete(file);
    this.#entries.set(file, entry);
    this.#validated.add(file);
    return entry;
  }
}

/** Minified or bundled: very long lines, or a bundler's banner. */
function looksGenerated(text: string): boolean {
  if (text.length < 5_000) return false;
  const head = text.slice(0, 2_000);
  if (/\/\*\s*webpackBootstrap|\/\*\*\*\/|__webpack_require__|\bSystem\.register\(|\/\/# sourceMappingURL=data:/.test(head)) return true;
  let longest = 0;
  let start = 0;
  for (let index = text.indexOf('\n'); ; index = text.indexOf('\n', start)) {
    const end = index === -1 ? text.length : index;
    longest = Math.max(longest, end - start);
    if (index === -1 || longest > 1_000) break;
    start = index + 1;
  }
  return longest > 1_000 && text.length / (text.split('\n').length || 1) > 300;
}

const graphs = new WeakMap<UnblockSettings, ModuleGraph>();

/** The process's module graph for these settings: summaries depend on the catalog entries users add. */
export function moduleGraphFor(settings: UnblockSettings): ModuleGraph {
  let graph = graphs.get(settings);
  if (!graph) {
    graph = new ModuleGraph(settings);
    graphs.set(settings, graph);
  }
  return graph;
}
