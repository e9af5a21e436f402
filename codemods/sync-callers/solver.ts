// Decides, for the whole program at once, which helpers become async (b),
// which stay sync but run in a worker for their async callers (a), and which
// are left (c).
//
// It starts from the helpers the reported calls reach, and adds every
// function that would have to become async with them: a sync function that
// calls one of them (it must await it), and every blocking function one of
// them calls. Then it removes, until nothing changes, each function that
// cannot become async: one that sync code also calls, that is public API,
// passed as a value, or whose own blocking calls the async-api codemod would
// not rewrite; one called by a function that stays sync; and one that calls a
// blocking function that stays sync and cannot run in a worker. What is left
// becomes async, and every call of it is awaited: no caller is ever handed a
// promise it does not expect.

import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import type { CallExpression } from 'ts-morph';

import { dryRunBlocker } from './dry-run.js';
import type { FileEdits } from './edits.js';
import { conversionBlocker, type FunctionInfo, type Functions } from './functions.js';
import type { Edge, ProgramGraph, Root } from './graph.js';
import { placeCall } from './placement.js';
import type { ProgramFile } from './program.js';
import { isExported, type PublicApi } from './public-api.js';
import type { References } from './references.js';
import type { Route, WorkerCall, WorkerRoutes } from './worker-route.js';

/** At most this many functions join one run; beyond, callers count as sync. */
const MAX_FUNCTIONS = 2000;
/** How far up from a blocking helper callers are followed. */
const MAX_CALLER_DEPTH = 8;
/** Reasons named per helper in a message; sync callers first. */
const MAX_REASONS = 3;
const SYNC_CALLER = /called by sync code/;

type Reference =
  | {
      readonly kind: 'call';
      readonly file: ProgramFile;
      readonly call: TSESTree.CallExpression;
      readonly tsCall: CallExpression;
      readonly location: string;
      readonly caller?: FunctionInfo;
      readonly apply: () => void;
    }
  | { readonly kind: 'blocker'; readonly reason: string; readonly call?: TSESTree.CallExpression };

interface Member {
  readonly info: FunctionInfo;
  readonly hard: readonly string[];
  readonly references: readonly Reference[];
  readonly calls: readonly Edge[];
}

export interface SolverInput {
  readonly roots: readonly Root[];
  readonly functions: Functions;
  readonly graph: ProgramGraph;
  readonly references: References;
  readonly publicApi: PublicApi;
  readonly workers: WorkerRoutes;
  /** Files whose rewrite failed in an earlier attempt, with why: nothing in them changes. */
  readonly frozen: ReadonlyMap<string, string>;
  readonly editsFor: (file: ProgramFile) => FileEdits;
  /** Every call in the program that resolves to a function, by function: checks that references found them all. */
  readonly callsTo: (info: FunctionInfo) => readonly CallExpression[];
}

export interface OffloadedCall {
  readonly file: ProgramFile;
  readonly call: TSESTree.CallExpression;
  readonly apply: () => void;
  readonly route: WorkerCall;
}

export interface Solution {
  readonly converted: readonly FunctionInfo[];
  /** Calls to await, each with the function made async that it calls. */
  readonly awaited: ReadonlyArray<{ readonly file: ProgramFile; readonly call: TSESTree.CallExpression; readonly apply: () => void; readonly target: FunctionInfo }>;
  readonly offloaded: readonly OffloadedCall[];
  /** A reason for each root left; roots not here are fixed. */
  readonly left: ReadonlyMap<Root, string>;
}

const dryRuns = new WeakMap<FunctionInfo, string | null>();

export function solve(input: SolverInput): Solution {
  const { roots, graph, workers } = input;
  const members = new Map<FunctionInfo, Member>();
  const overflow = new Set<FunctionInfo>();
  const queue: Array<{ info: FunctionInfo; depth: number }> = [];
  for (const root of roots) if (root.target) queue.push({ info: root.target, depth: 0 });
  while (queue.length > 0) {
    const { info, depth } = queue.shift()!;
    if (members.has(info) || overflow.has(info)) continue;
    if (members.size >= MAX_FUNCTIONS) {
      overflow.add(info);
      continue;
    }
    const member: Member = { info, hard: hardBlockers(info, input), references: references(info, input, depth), calls: graph.blockingEdges(info) };
    members.set(info, member);
    for (const reference of member.references) if (reference.kind === 'call' && reference.caller) queue.push({ info: reference.caller, depth: depth + 1 });
    for (const edge of member.calls) queue.push({ info: edge.target, depth });
  }

  const removed = new Map<FunctionInfo, string[]>();
  for (const member of members.values()) if (member.hard.length > 0) removed.set(member.info, [...member.hard]);
  const cuts = new Map<string, Route<WorkerCall>>();
  /** Whether the call `edge` (made by a function that becomes async) can reach its sync target through a worker. */
  const cut = (target: FunctionInfo, file: ProgramFile, tsCall: CallExpression, call: TSESTree.CallExpression): Route<WorkerCall> => {
    const key = `${file.path}:${call.range[0]}`;
    const known = cuts.get(key);
    if (known) return known;
    const reference = members.get(target)?.references.find((candidate) => candidate.call === call);
    let route = workers.forCall(target, file, tsCall);
    if (!route.ok) {
      // The worker's own reason comes first: it holds whatever the reference says.
    } else if (!members.has(target)) route = { ok: false, reason: `\`${target.name}\` is beyond the ${MAX_FUNCTIONS} functions the codemod follows at once` };
    else if (!reference) route = { ok: false, reason: `the codemod could not follow the call of \`${target.name}\`` };
    else if (reference.kind === 'blocker') route = { ok: false, reason: reference.reason };
    else if (input.frozen.has(file.path)) route = { ok: false, reason: input.frozen.get(file.path)! };
    cuts.set(key, route);
    return route;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const member of members.values()) {
      if (removed.has(member.info)) continue;
      const reasons: string[] = [];
      for (const reference of member.references) {
        if (reference.kind === 'blocker') reasons.push(reference.reason);
        else if (reference.caller && (removed.has(reference.caller) || !members.has(reference.caller))) {
          reasons.push(`\`${member.info.name}\` is also called at ${reference.location} by \`${reference.caller.name}\`, which stays sync`);
        }
      }
      for (const edge of member.calls) {
        if (members.has(edge.target) && !removed.has(edge.target)) continue;
        const route = cut(edge.target, member.info.file, edge.tsCall, edge.call);
        if (!route.ok) reasons.push(`\`${member.info.name}\` calls \`${edge.target.name}\` (line ${edge.call.loc.start.line}), which stays sync and cannot run in a worker: ${route.reason}`);
      }
      if (reasons.length > 0) {
        removed.set(member.info, reasons);
        changed = true;
      }
    }
  }

  const converted = [...members.values()].filter((member) => !removed.has(member.info));
  const awaited: Array<Solution['awaited'][number]> = [];
  const offloaded: OffloadedCall[] = [];
  for (const member of converted) {
    for (const reference of member.references) if (reference.kind === 'call') awaited.push({ file: reference.file, call: reference.call, apply: reference.apply, target: member.info });
    for (const edge of member.calls) {
      if (!removed.has(edge.target) && members.has(edge.target)) continue;
      const route = cut(edge.target, member.info.file, edge.tsCall, edge.call);
      const reference = members.get(edge.target)?.references.find((candidate) => candidate.call === edge.call);
      if (route.ok && reference?.kind === 'call') offloaded.push({ file: member.info.file, call: edge.call, apply: reference.apply, route: route.value });
    }
  }

  const left = new Map<Root, string>();
  for (const root of roots) {
    const target = root.target;
    if (!target) {
      left.set(root, `\`${root.site.api}\` is a method or a function a factory returns, which the codemod does not follow; make it async by hand`);
      continue;
    }
    if (members.has(target) && !removed.has(target)) continue;
    // Where the call cannot await, neither route helps: that is the whole reason.
    const own = members.get(target)?.references.find((candidate) => candidate.call === root.call);
    if (own?.kind === 'blocker') {
      left.set(root, own.reason);
      continue;
    }
    const route = cut(target, root.file, root.tsCall, root.call);
    if (route.ok) {
      const reference = members.get(target)?.references.find((candidate) => candidate.call === root.call);
      if (reference?.kind === 'call' && !reference.caller) {
        offloaded.push({ file: root.file, call: root.call, apply: reference.apply, route: route.value });
        continue;
      }
    }
    const why = [...(removed.get(target) ?? [])].sort((a, b) => Number(!SYNC_CALLER.test(a)) - Number(!SYNC_CALLER.test(b)));
    if (why.length === 0) why.push(`\`${target.name}\` is beyond the ${MAX_FUNCTIONS} functions the codemod follows at once`);
    const shown = why.slice(0, MAX_REASONS).join('; ');
    const more = why.length > MAX_REASONS ? ` (and ${why.length - MAX_REASONS} more)` : '';
    const worker = route.ok ? '' : `; it cannot run in a worker: ${route.reason}`;
    left.set(root, `${shown}${more}, so it stays sync${worker}`);
  }
  return { converted: converted.map((member) => member.info), awaited, offloaded, left };
}

/** Why `info` cannot become async whatever its callers do. */
function hardBlockers(info: FunctionInfo, input: SolverInput): string[] {
  const reasons: string[] = [];
  const frozen = input.frozen.get(info.file.path);
  if (frozen) reasons.push(frozen);
  if (!info.file.editable) reasons.push(`\`${info.name}\` is in ${input.references.location(info.file.path, info.node.getStartLineNumber())}, a file the codemod is not fixing`);
  const conversion = conversionBlocker(info);
  if (conversion) reasons.push(conversion);
  const publicApi = input.publicApi.reason(info.declaration, info.name, info.file.path);
  if (publicApi) reasons.push(publicApi);
  // Whoever calls an exported function that nothing here calls is out of sight, and may be sync.
  else if (isExported(info.declaration) && input.references.of(info).length === 0) {
    reasons.push(`\`${info.name}\` is exported and nothing in the program calls it, so its callers are unknown`);
  }
  const unfollowed = input.graph.unfollowed(info);
  if (unfollowed) reasons.push(unfollowed);
  if (reasons.length === 0 && input.graph.blocksDirectly(info)) {
    let dryRun = dryRuns.get(info);
    if (dryRun === undefined) {
      dryRun = dryRunBlocker(info) ?? null;
      dryRuns.set(info, dryRun);
    }
    if (dryRun) reasons.push(dryRun);
  }
  return reasons;
}

/** The references of `info`, each planned: where its `await` would go, or why it cannot. */
function references(info: FunctionInfo, input: SolverInput, depth: number): Reference[] {
  const planned: Reference[] = [];
  const found = new Set<CallExpression>();
  for (const site of input.references.of(info)) {
    if (site.kind === 'blocker') {
      if (site.tsCall) found.add(site.tsCall);
      planned.push(site);
      continue;
    }
    found.add(site.tsCall);
    const frozen = input.frozen.get(site.file.path);
    if (frozen) {
      planned.push({ kind: 'blocker', reason: `\`${info.name}\` is also called at ${site.location}: ${frozen}`, call: site.call });
      continue;
    }
    const placement = placeCall(site.file, site.call, input.editsFor(site.file).env, input.functions);
    if (!placement.ok) {
      const reason = placement.sync
        ? `\`${info.name}\` is also called by sync code at ${site.location}${placement.reason.startsWith('it is module code') ? '' : ` (${placement.reason})`}`
        : `\`${info.name}\` is called at ${site.location}: ${placement.reason}`;
      planned.push({ kind: 'blocker', reason, call: site.call });
      continue;
    }
    if (placement.caller && depth + 1 > MAX_CALLER_DEPTH) {
      planned.push({ kind: 'blocker', reason: `\`${info.name}\` is also called at ${site.location} by \`${placement.caller.name}\`, further up than the ${MAX_CALLER_DEPTH} callers the codemod follows`, call: site.call });
      continue;
    }
    planned.push({ kind: 'call', file: site.file, call: site.call, tsCall: site.tsCall, location: site.location, apply: placement.apply, ...(placement.caller ? { caller: placement.caller } : {}) });
  }
  // A call the type checker resolves to `info` that find-references missed would be left unawaited.
  for (const call of input.callsTo(info)) {
    if (found.has(call)) continue;
    const filePath = path.resolve(call.getSourceFile().getFilePath());
    const where = input.references.location(filePath, call.getStartLineNumber());
    const file = input.functions.program.files.get(filePath);
    const estree = file?.index.callOf(call);
    const placement = file?.editable && estree && !input.frozen.has(filePath) ? placeCall(file, estree, input.editsFor(file).env, input.functions) : undefined;
    planned.push({
      kind: 'blocker',
      reason: placement && !placement.ok && placement.sync ? `\`${info.name}\` is also called by sync code at ${where}` : `\`${info.name}\` is called at ${where} through an import the codemod could not follow`,
    });
  }
  return planned;
}
