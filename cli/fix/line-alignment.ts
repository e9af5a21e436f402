// How the lines of a codemod's input line up with its output, both ways. A codemod that edits
// through the Rewriter says where each input line begins in its output (`lineStarts`); that is
// exact and costs one pass, where a line diff of the two texts costs lines × changes (minutes on
// a file with thousands of sites). Positions inside a line that changed follow a character diff
// of that line's stretch only.

import { diffLines } from 'diff';

import { lineStartsOf } from '../../codemods/engine/line-starts.js';
import { mapColumn, positionMap, type Position, type PositionMap } from './position-map.js';

export interface Alignment {
  /** A position in `from` to the same place in `to`. */
  readonly forward: PositionMap;
  /** A position in `to` back to the place in `from` it came from. */
  readonly backward: PositionMap;
  /** For each line of `from` (0-based), the line of `to` it is, unchanged and whole; -1 for a line that changed. */
  readonly unchangedLines: () => Int32Array;
}

/** A stretch longer than this is not diffed by character: a position in it keeps its offset from the stretch's start. */
const MAX_STRETCH = 20_000;

/** The greatest index whose value is at most `value`, in an ascending list; -1 when there is none. */
function lastAtMost(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function toPosition(starts: readonly number[], offset: number): Position {
  const line = Math.max(0, lastAtMost(starts, offset));
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/** Where `offset` into `from` lands in `to`, two stretches of text that correspond. */
function mapWithin(from: string, to: string, offset: number): number {
  if (offset <= 0) return 0;
  if (from.length > MAX_STRETCH || to.length > MAX_STRETCH) return Math.min(offset, to.length);
  // mapColumn works on any two strings: a stretch is one "line" to it.
  return mapColumn(from, to, offset + 1) - 1;
}

/** The alignment a codemod's `lineStarts` gives: where each input line begins in the output, -1 inside replaced text. */
export function alignByLineStarts(from: string, to: string, lineStarts: ArrayLike<number>): Alignment {
  const fromStarts = lineStartsOf(from);
  const toStarts = lineStartsOf(to);
  // Lines with a start of their own in the output, and where: both ascending, since edits never reorder text.
  const anchoredLines: number[] = [];
  const anchoredOffsets: number[] = [];
  for (let line = 0; line < Math.min(fromStarts.length, lineStarts.length); line++) {
    const offset = lineStarts[line]!;
    if (offset < 0) continue;
    anchoredLines.push(line);
    anchoredOffsets.push(offset);
  }
  /** The stretch of `from` and of `to` that anchor `index` starts: up to the next anchor. */
  const stretch = (index: number) => {
    const fromStart = fromStarts[anchoredLines[index]!]!;
    const fromEnd = index + 1 < anchoredLines.length ? fromStarts[anchoredLines[index + 1]!]! : from.length;
    const toStart = anchoredOffsets[index]!;
    const toEnd = index + 1 < anchoredOffsets.length ? anchoredOffsets[index + 1]! : to.length;
    return { fromStart, fromEnd, toStart, toEnd };
  };

  const forward: PositionMap = (position) => {
    const line = Math.min(position.line - 1, fromStarts.length - 1);
    const index = lastAtMost(anchoredLines, line);
    if (index === -1) return position;
    const { fromStart, fromEnd, toStart, toEnd } = stretch(index);
    const offset = fromStarts[line]! + position.column - 1 - fromStart;
    return toPosition(toStarts, toStart + mapWithin(from.slice(fromStart, fromEnd), to.slice(toStart, toEnd), offset));
  };

  const backward: PositionMap = (position) => {
    const line = Math.min(position.line - 1, toStarts.length - 1);
    const offset = toStarts[line]! + position.column - 1;
    const index = lastAtMost(anchoredOffsets, offset);
    if (index === -1) return { line: 1, column: 1 };
    const { fromStart, fromEnd, toStart, toEnd } = stretch(index);
    return toPosition(fromStarts, fromStart + mapWithin(to.slice(toStart, toEnd), from.slice(fromStart, fromEnd), offset - toStart));
  };

  const unchangedLines = (): Int32Array => {
    const result = new Int32Array(fromStarts.length).fill(-1);
    for (let index = 0; index < anchoredLines.length; index++) {
      const line = anchoredLines[index]!;
      const { toStart, toEnd } = stretch(index);
      const lineEnd = line + 1 < fromStarts.length ? fromStarts[line + 1]! : from.length;
      const toLine = lastAtMost(toStarts, toStart);
      // Whole: it starts a line of the output, and its text (newline included) is all the stretch holds.
      if (toStarts[toLine] === toStart && toEnd - toStart === lineEnd - fromStarts[line]! && to.startsWith(from.slice(fromStarts[line], lineEnd), toStart)) {
        result[line] = toLine;
      }
    }
    return result;
  };

  return { forward, backward, unchangedLines };
}

/** The alignment by a line diff, for a codemod that does not say where its lines went. */
export function alignByDiff(from: string, to: string): Alignment {
  return {
    forward: positionMap(from, to),
    backward: positionMap(to, from),
    unchangedLines: () => {
      const result = new Int32Array(lineStartsOf(from).length).fill(-1);
      let fromLine = 0;
      let toLine = 0;
      for (const change of diffLines(from, to)) {
        if (change.added) toLine += change.count;
        else if (change.removed) fromLine += change.count;
        else for (let step = 0; step < change.count; step++) result[fromLine++] = toLine++;
      }
      return result;
    },
  };
}

/** `first`, then `second`: from the first alignment's `from` to the second's `to`. */
export function chain(first: Alignment, second: Alignment): Alignment {
  return {
    forward: (position) => second.forward(first.forward(position)),
    backward: (position) => first.backward(second.backward(position)),
    unchangedLines: () => {
      const outer = second.unchangedLines();
      return first.unchangedLines().map((line) => (line === -1 ? -1 : (outer[line] ?? -1)));
    },
  };
}

/** A text to itself. */
export function identity(text: string): Alignment {
  return {
    forward: (position) => position,
    backward: (position) => position,
    unchangedLines: () => Int32Array.from(lineStartsOf(text).keys()),
  };
}
