// Before the whole-program codemod loads its program: will it fit in the heap? A program too big
// for V8's heap does not fail politely, it kills the process with an out-of-memory error after
// minutes of work, and the user learns nothing. The estimate is the program's source text times
// what a byte of source was measured to cost once parsed twice (TypeScript's tree and the
// detector's), checked against what V8 will still give this process. Over the limit, the stage
// is not run, and the user is told which directory to fix on its own.

import path from 'node:path';
import v8 from 'node:v8';

import { relativePosix } from '../../codemods/engine/relative-path.js';

/**
 * Heap bytes one byte of source costs in sync-callers' program: a ts-morph source file and, for
 * most files, the detector's tree, scopes and analysis. Measured on the generated services of
 * bench/codemod/fix-scale.mjs (heap growth over the program's source bytes), with headroom.
 */
export const HEAP_BYTES_PER_SOURCE_BYTE = 400;

export interface HeapGuardOptions {
  /** Heap bytes per byte of source; default HEAP_BYTES_PER_SOURCE_BYTE. Tests inject it. */
  readonly bytesPerSourceByte?: number;
  /** Heap bytes the process may still take; default: V8's limit less what is in use now. */
  readonly availableBytes?: number;
}

export interface ProgramTooLarge {
  readonly codemod: string;
  /** Files the program would parse: those given to it and the project files they import. */
  readonly files: number;
  readonly estimatedBytes: number;
  readonly availableBytes: number;
  /** The directory, relative to the working directory, with the most files the codemod would rewrite. */
  readonly directory: string;
  readonly directoryFiles: number;
}

export interface PlannedProgram {
  readonly codemod: string;
  /** Files the codemod may rewrite. */
  readonly editable: readonly string[];
  /** Bytes of source of every file the program would parse. */
  readonly sourceBytes: number;
  readonly files: number;
}

/** Undefined when the program fits; else what to tell the user. */
export function programTooLarge(program: PlannedProgram, cwd: string, options: HeapGuardOptions = {}): ProgramTooLarge | undefined {
  const estimatedBytes = program.sourceBytes * (options.bytesPerSourceByte ?? HEAP_BYTES_PER_SOURCE_BYTE);
  const availableBytes = options.availableBytes ?? availableHeap();
  if (estimatedBytes <= availableBytes) return undefined;
  const { directory, count } = busiestDirectory(program.editable, cwd);
  return { codemod: program.codemod, files: program.files, estimatedBytes, availableBytes, directory, directoryFiles: count };
}

function availableHeap(): number {
  const heap = v8.getHeapStatistics();
  return heap.heap_size_limit - heap.used_heap_size;
}

/** The directory holding the most of `files` directly: the first one to fix on its own. */
function busiestDirectory(files: readonly string[], cwd: string): { directory: string; count: number } {
  const counts = new Map<string, number>();
  for (const file of files) {
    const directory = relativePosix(cwd, path.dirname(file)) || '.';
    counts.set(directory, (counts.get(directory) ?? 0) + 1);
  }
  let best = { directory: '.', count: 0 };
  for (const [directory, count] of counts) if (count > best.count || (count === best.count && directory < best.directory)) best = { directory, count };
  return best;
}
