// Carries a line:column from one version of a file to another. Each codemod
// reports sites in the text it was given; when several run in a row, or when
// the rewrite is written, the summary should point into the file as it now is
// on disk, not into a text that only ever existed in memory.

import { diffChars, diffLines } from 'diff';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type PositionMap = (position: Position) => Position;

interface Segment {
  readonly fromStart: number;
  readonly fromLines: readonly string[];
  readonly toStart: number;
  readonly toLines: readonly string[];
  /** Unchanged lines map one to one; changed ones as well as they can. */
  readonly same: boolean;
}

const identity: PositionMap = (position) => position;

/** Maps positions in `from` (1-based line and column) to the corresponding positions in `to`. */
export function positionMap(from: string, to: string): PositionMap {
  if (from === to) return identity;
  const segments = segmentsOf(from, to);
  return (position) => {
    const segment = segmentAt(segments, position.line);
    if (!segment) return position;
    const offset = position.line - segment.fromStart;
    if (segment.same) return { line: segment.toStart + offset, column: position.column };
    if (segment.toLines.length === 0) return { line: segment.toStart, column: 1 };
    // A changed block: keep the line's place in it and follow the column through a character diff.
    const toOffset = Math.min(offset, segment.toLines.length - 1);
    const column = mapColumn(segment.fromLines[offset] ?? '', segment.toLines[toOffset] ?? '', position.column);
    return { line: segment.toStart + toOffset, column };
  };
}

/** The segment holding `line`: segments are in line order, so a binary search finds it. */
function segmentAt(segments: readonly Segment[], line: number): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (line < segment.fromStart) high = middle - 1;
    else if (line >= segment.fromStart + segment.fromLines.length) low = middle + 1;
    else return segment;
  }
  return undefined;
}

function segmentsOf(from: string, to: string): Segment[] {
  const changes = diffLines(from, to);
  const segments: Segment[] = [];
  let fromLine = 1;
  let toLine = 1;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (change.added) {
      // An insertion with nothing removed before it: no line of `from` lands here.
      toLine += change.count;
      continue;
    }
    const lines = splitLines(change.value);
    if (!change.removed) {
      segments.push({ fromStart: fromLine, fromLines: lines, toStart: toLine, toLines: lines, same: true });
      fromLine += change.count;
      toLine += change.count;
      continue;
    }
    const next = changes[i + 1];
    const added = next?.added ? splitLines(next.value) : [];
    if (next?.added) i++;
    segments.push({ fromStart: fromLine, fromLines: lines, toStart: toLine, toLines: added, same: false });
    fromLine += change.count;
    toLine += added.length;
  }
  return segments;
}

function splitLines(value: string): string[] {
  const lines = value.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** The column in `to` of the character at `column` in `from`; a deleted character maps to where it was. */
export function mapColumn(from: string, to: string, column: number): number {
  const target = column - 1;
  let fromIndex = 0;
  let toIndex = 0;
  for (const change of diffChars(from, to)) {
    const length = change.value.length;
    if (change.added) {
      toIndex += length;
      continue;
    }
    if (target < fromIndex + length) return 1 + (change.removed ? toIndex : toIndex + target - fromIndex);
    fromIndex += length;
    if (!change.removed) toIndex += length;
  }
  return 1 + toIndex;
}
