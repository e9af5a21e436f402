// The sync-callers codemod: sync helpers that block, called from async
// functions and request handlers, become async across the whole program, or
// run in a worker for their async callers while sync callers keep them, or
// are left with the reason (see README.md). It needs every file at once, so
// it runs through `unblock fix --codemod sync-callers` or `transformProgram`,
// not as a per-file jscodeshift transform.

import path from 'node:path';

import { SyntaxKind, type CallExpression } from 'ts-morph';

import type { FileResult, SiteOutcome } from '../engine/types.js';
import { applySolution } from './apply.js';
import { FileEdits } from './edits.js';
import { Functions, type FunctionInfo } from './functions.js';
import { ProgramGraph } from './graph.js';
import { loadProgram, type ProgramFile } from './program.js';
import { PublicApi } from './public-api.js';
import { References } from './references.js';
import { solve } from './solver.js';
import type { ProgramCodemod, ProgramOptions, ProgramResult } from './types.js';
import { WorkerRoutes } from './worker-route.js';
import { writeOrder } from './write-order.js';

/** A failed file is planned around; each attempt freezes at least one more file. */
const MAX_ATTEMPTS = 8;

export function transformProgram(options: ProgramOptions): ProgramResult {
  const program = loadProgram(options);
  const functions = new Functions(program);
  const graph = new ProgramGraph(functions);
  const publicApi = new PublicApi(program);
  const workers = new WorkerRoutes(program.checker, publicApi, program.root);
  const references = new References(program);
  const roots = graph.roots(program.files.editable());

  const callsByTarget = new Map<FunctionInfo, CallExpression[]>();
  let indexed = false;
  const callsTo = (info: FunctionInfo): readonly CallExpression[] => {
    if (!indexed) {
      indexed = true;
      for (const sourceFile of program.project.getSourceFiles()) {
        if (sourceFile.isDeclarationFile() || /[\\/]node_modules[\\/]/.test(sourceFile.getFilePath())) continue;
        for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
          const target = functions.resolveCall(call);
          if (target) callsByTarget.set(target, [...(callsByTarget.get(target) ?? []), call]);
        }
      }
    }
    return callsByTarget.get(info) ?? [];
  };

  const frozen = new Map<string, string>();
  let outputs: ReadonlyMap<string, string> = new Map();
  let left: ReadonlyMap<(typeof roots)[number], string> = new Map();
  let callerFirst: Array<readonly [string, string]> = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const edits = new Map<string, FileEdits>();
    const editsFor = (file: ProgramFile): FileEdits => {
      let found = edits.get(file.path);
      if (!found) {
        found = new FileEdits(file);
        edits.set(file.path, found);
      }
      return found;
    };
    const solution = solve({ roots, functions, graph, references, publicApi, workers, frozen, editsFor, callsTo });
    const applied = applySolution(solution, graph, editsFor);
    left = solution.left;
    if (applied.ok) {
      outputs = applied.outputs;
      callerFirst = solution.awaited.map(({ file, target }) => [file.path, target.file.path] as const);
      break;
    }
    for (const [file, reason] of applied.failures) frozen.set(file, reason);
    outputs = new Map();
    if (attempt === MAX_ATTEMPTS - 1) left = new Map(roots.map((root) => [root, 'the rewrite failed too often; nothing was changed']));
  }

  const results = new Map<string, FileResult>();
  for (const file of options.files.map((name) => path.resolve(name))) {
    const broken = program.files.broken(file);
    if (broken) {
      results.set(file, broken);
      continue;
    }
    const fixed: SiteOutcome[] = [];
    const leftHere: SiteOutcome[] = [];
    for (const root of roots) {
      if (root.file.path !== file) continue;
      const reason = left.get(root);
      if (reason === undefined && outputs.has(file)) fixed.push(root.site);
      else leftHere.push({ ...root.site, reason: reason ?? frozen.get(file) ?? 'the rewrite did not change this file' });
    }
    const byPosition = (a: SiteOutcome, b: SiteOutcome): number => a.line - b.line || a.column - b.column;
    fixed.sort(byPosition);
    leftHere.sort(byPosition);
    const output = outputs.get(file);
    const failure = frozen.get(file);
    results.set(file, {
      ...(output === undefined ? {} : { output }),
      fixed,
      left: leftHere,
      ...(failure === undefined ? {} : { error: { kind: 'reparse' as const, message: failure } }),
    });
  }
  return { results, writeOrder: writeOrder([...results.keys()], callerFirst) };
}

export const syncCallers: ProgramCodemod = {
  name: 'sync-callers',
  description: 'Sync helpers that block, called from async code → async across the program, or run in a worker for async callers',
  scope: 'program',
  transformProgram,
};

export default syncCallers;
export type { ProgramCodemod, ProgramOptions, ProgramResult } from './types.js';
export { createDeclarationStore, type DeclarationStore } from '../engine/declaration-store.js';
