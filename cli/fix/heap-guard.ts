// Before the whole-program codemod loads its program: will it fit in the heap? A program too big
// for V8's heap does not fail politely, it kills the process with an out-of-memory error after
// minutes of work, and the user learns nothing. The estimate is what the program's files and
// their bytes were measured to cost once parsed twice (TypeScript's tree and the detector's),
// checked against what V8 will still give this process. Over the limit, the stage
// is not run, and the user is told which directory to fix on its own. The program's files are
// all in memory at once, so their count and size are what matter.

import path from 'node:path';
import v8 from 'node:v8';

import { relativePosix } from '../../codemods/engine/relative-path.js';

/**
 * What sync-callers' program costs in heap: per byte of source (a ts-morph source file and the
 * detector's tree, scopes and analysis) and per file, whatever its size. Measured as the heap
 * growth of loading a program, every file with its detector view, after a full collection:
 * 149 TypeScript files of this repository (0.8 MB of source, 341 MB of heap) and the 2,125 small
 * files of bench/lint's generated service (0.47 MB, 402 MB) give about 405 bytes per byte and
 * 100 KB per file.
 */
export const HEAP_BYTES_PER_SOURCE_BYTE = 405;
export const HEAP_BYTES_PER_FILE = 100_000;

export interface HeapGuardOptions {
  /** Heap bytes per byte of source; default HEAP_BYTES_PER_SOURCE_BYTE. Tests inject it. */
  readonly bytesPerSourceByte?: number;
  /** Heap bytes per file; default HEAP_BYTES_PER_FILE. */
  readonly bytesPerFile?: number;
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

/** The heap a program of `files` files and `sourceBytes` bytes of source is estimated to take. */
export function programHeapBytes(program: { readonly files: number; readonly sourceBytes: number }, options: HeapGuardOptions = {}): number {
  return program.sourceBytes * (options.bytesPerSourceByte ?? HEAP_BYTES_PER_SOURCE_BYTE) + program.files * (options.bytesPerFile ?? HEAP_BYTES_PER_FILE);
}

/** Undefined when the program fits; else what to tell the user. */
export function programTooLarge(program: PlannedProgram, cwd: string, options: HeapGuardOptions = {}): ProgramTooLarge | undefined {
  const estimatedBytes = programHeapBytes(program, options);
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
