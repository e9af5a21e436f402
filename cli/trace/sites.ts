// Folds the warnings of a traced run into call sites: one per position in the
// user's code that made sync calls after start-up, however many internal sync
// calls each made (`readFileSync` alone warns for open, fstat, read and close).

import type { ImportedName } from './source.js';
import { framePath, frameKind, type StackFrame } from './frames.js';
import type { SourceIndex } from './source.js';
import type { SyncWarning } from './stderr.js';

export interface UserFrame {
  /** Absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The enclosing function, from the source when it can be parsed, else as V8 names it. */
  readonly function?: string;
  /** The module export called at this position, when the callee is imported. */
  readonly imported?: ImportedName;
}

export interface TraceSite extends UserFrame {
  /** What the code called: the callee as written (`fs.readFileSync`), else the function name of the frame it called. */
  readonly api: string;
  /** The frame just inside the site: what the user's code called. */
  readonly apiFrame?: StackFrame;
  readonly lineText?: string;
  /** Warnings folded into the site. */
  warnings: number;
  /** Distinct chains of user frames further out (innermost caller first), a few at most; none when the site is the outermost frame of your code. */
  readonly callers: UserFrame[][];
}

export interface FoldedTrace {
  readonly sites: TraceSite[];
  readonly warnings: number;
  /** Warnings while modules loaded (top-level code, `require`, `import`) or in lifecycle callbacks. */
  readonly startup: number;
  /** Warnings with no frame in the user's code (Node internals, dependencies, or a stack cut at 10 frames). */
  readonly outsideUserCode: number;
  /**
   * Warnings from writing to stdout or stderr (console.error and the like): the traced command's
   * stderr is a file, which Node writes synchronously. Not the code's doing, so not counted.
   */
  readonly output: number;
}

export interface FoldOptions {
  /** Count frames under node_modules as the user's code. */
  readonly includeNodeModules?: boolean;
  /** The preload's path: its frames are treated as Node's. */
  readonly shimPath?: string;
}

const MAX_CHAINS = 5;
/** Where Node writes process.stdout and process.stderr when they are files. */
const SYNC_WRITE_STREAM = 'node:internal/fs/sync_write_stream';

const stackKey = (frames: readonly StackFrame[]): string => frames.map((frame) => `${frame.function ?? ''}@${frame.location}:${frame.line}:${frame.column}`).join('|');

/** Collects warnings, counting identical stacks once, for folding after the run. */
export class WarningCollector {
  readonly stacks = new Map<string, { frames: readonly StackFrame[]; count: number }>();
  total = 0;

  add(warning: SyncWarning): void {
    this.total++;
    const key = stackKey(warning.frames);
    const entry = this.stacks.get(key);
    if (entry) entry.count++;
    else this.stacks.set(key, { frames: warning.frames, count: 1 });
  }
}

export async function foldWarnings(collector: WarningCollector, index: SourceIndex, options: FoldOptions = {}): Promise<FoldedTrace> {
  const sites = new Map<string, TraceSite>();
  let startup = 0;
  let outsideUserCode = 0;
  let output = 0;

  for (const { frames, count } of collector.stacks.values()) {
    if (frames.some((frame) => frame.location === SYNC_WRITE_STREAM)) {
      output += count;
      continue;
    }
    const kinds = frames.map((frame) => frameKind(frame, options.shimPath));
    if (kinds.includes('loader')) {
      startup += count;
      continue;
    }
    const ownIndexes = kinds.flatMap((kind, position) => (kind === 'user' || (kind === 'dependency' && options.includeNodeModules) ? [position] : []));
    if (ownIndexes.length === 0) {
      outsideUserCode += count;
      continue;
    }
    const own = await Promise.all(
      ownIndexes.map(async (position) => {
        const frame = frames[position]!;
        const file = framePath(frame.location)!;
        return { frame, file, place: await index.place(file, frame.line, frame.column) };
      }),
    );
    if (own.some(({ place }) => place?.topLevel === true || place?.lifecycle === true)) {
      startup += count;
      continue;
    }

    const userFrames: UserFrame[] = own.map(({ frame, file, place }) => {
      const name = place?.function ?? frame.function;
      return {
        file,
        line: frame.line,
        column: frame.column,
        ...(name ? { function: name } : {}),
        ...(place?.callee?.imported ? { imported: place.callee.imported } : {}),
      };
    });
    const first = userFrames[0]!;
    const firstPlace = own[0]!.place;
    // What the user's code called: the next frame in, past the shim's wrapper.
    let inner = ownIndexes[0]! - 1;
    while (inner > 0 && kinds[inner] === 'shim') inner--;
    const apiFrame = frames[inner];
    const key = `${first.file}:${first.line}:${first.column}`;
    let site = sites.get(key);
    if (!site) {
      site = {
        ...first,
        api: firstPlace?.callee?.text ?? apiFrame?.function ?? '(unknown)',
        ...(apiFrame ? { apiFrame } : {}),
        ...(firstPlace ? { lineText: firstPlace.lineText } : {}),
        warnings: 0,
        callers: [],
      };
      sites.set(key, site);
    }
    site.warnings += count;
    const chain = userFrames.slice(1);
    const chainKey = JSON.stringify(chain.map((frame) => [frame.file, frame.line, frame.column]));
    const known = site.callers.some((other) => JSON.stringify(other.map((frame) => [frame.file, frame.line, frame.column])) === chainKey);
    if (chain.length > 0 && site.callers.length < MAX_CHAINS && !known) site.callers.push(chain);
  }

  const ordered = [...sites.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { sites: ordered, warnings: collector.total, startup, outsideUserCode, output };
}
