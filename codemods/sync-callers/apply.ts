// Applies a solution: per file, the edits on its original text, then the
// async-api codemod where a helper with blocking calls of its own became
// async (it rewrites those calls, now in an async function), then a re-parse.
// A file whose edits fail is reported, and the whole program is planned again
// without touching it: a helper made async whose callers were not rewritten
// would hand them promises.

import { asyncApi } from '../async-api/transform.js';
import { parses } from '../engine/detector.js';
import type { FileEdits } from './edits.js';
import type { ProgramGraph } from './graph.js';
import type { ProgramFile } from './program.js';
import type { Solution } from './solver.js';

export type Applied =
  | { readonly ok: true; readonly outputs: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly failures: ReadonlyMap<string, string> };

export function applySolution(solution: Solution, graph: ProgramGraph, editsFor: (file: ProgramFile) => FileEdits): Applied {
  const failures = new Map<string, string>();
  const touched = new Map<string, FileEdits>();
  const attempt = (file: ProgramFile, edit: (edits: FileEdits) => void): void => {
    const edits = editsFor(file);
    touched.set(file.path, edits);
    const error = edits.rewriter.attempt(() => edit(edits));
    if (error) failures.set(file.path, `the codemod's edits of ${file.path} overlap (${error.message}), so nothing in it was changed`);
  };
  const needsAsyncApi = new Set<string>();
  for (const info of solution.converted) {
    attempt(info.file, (edits) => edits.makeAsync(info));
    if (graph.blocksDirectly(info)) needsAsyncApi.add(info.file.path);
  }
  for (const { file, call, apply } of solution.awaited) attempt(file, (edits) => edits.awaitCall(call, apply));
  for (const { file, call, apply, route } of solution.offloaded) attempt(file, (edits) => edits.offloadCall(call, apply, route));

  const outputs = new Map<string, string>();
  for (const [filePath, edits] of touched) {
    if (failures.has(filePath)) continue;
    let output = edits.finish() ?? edits.file.text;
    if (needsAsyncApi.has(filePath)) {
      const result = asyncApi.transform(output, { filePath });
      if (result.error) {
        failures.set(filePath, `the async-api codemod could not finish the rewrite of this file (${result.error.message}), so nothing in it was changed`);
        continue;
      }
      output = result.output ?? output;
    }
    if (output === edits.file.text) continue;
    const check = parses(output, filePath);
    if (!check.ok) {
      failures.set(filePath, `the rewrite of this file would not parse (${check.message}), so nothing in it was changed`);
      continue;
    }
    outputs.set(filePath, output);
  }
  return failures.size > 0 ? { ok: false, failures } : { ok: true, outputs };
}
