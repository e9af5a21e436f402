// The unified diff `unblock fix --dry` prints: a/ and b/ prefixes and paths
// relative to the working directory, so `git apply` (or `patch -p1`) takes it.
//
// A line diff of a whole file costs lines × changes: minutes for a big file with
// thousands of sites. When the codemods said which lines they left alone, only
// the stretches between those lines are diffed (by jsdiff, each on its own), and
// put together into hunks with their context, as jsdiff would group them.

import { createTwoFilesPatch, diffLines, FILE_HEADERS_ONLY, formatPatch, type StructuredPatchHunk } from 'diff';

const CONTEXT = 3;

/**
 * `unchangedLines`, when given: for each line of `before` (0-based), the line of `after` it is,
 * unchanged, or -1 (AppliedCodemods.unchangedLines).
 */
export function unifiedDiff(relativePath: string, before: string, after: string, unchangedLines?: Int32Array): string {
  const name = relativePath.split('\\').join('/');
  const hunks = unchangedLines === undefined ? undefined : hunksAroundChanges(before, after, unchangedLines);
  if (hunks === undefined) {
    return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: CONTEXT, headerOptions: FILE_HEADERS_ONLY });
  }
  return formatPatch({ oldFileName: `a/${name}`, newFileName: `b/${name}`, oldHeader: undefined, newHeader: undefined, hunks }, FILE_HEADERS_ONLY);
}

/** Lines with their line breaks, as jsdiff counts them. */
function linesOf(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

/** A stretch of changed lines: [start, end) in `before` and in `after`. */
interface Change {
  readonly before: readonly [number, number];
  readonly after: readonly [number, number];
}

/** The stretches between the unchanged lines; undefined when those do not go in order (then the whole file is diffed). */
function changesBetween(unchanged: Int32Array, beforeCount: number, afterCount: number): Change[] | undefined {
  const changes: Change[] = [];
  let previousBefore = -1;
  let previousAfter = -1;
  const close = (beforeEnd: number, afterEnd: number): void => {
    if (beforeEnd > previousBefore + 1 || afterEnd > previousAfter + 1) changes.push({ before: [previousBefore + 1, beforeEnd], after: [previousAfter + 1, afterEnd] });
  };
  for (let line = 0; line < Math.min(unchanged.length, beforeCount); line++) {
    const target = unchanged[line]!;
    if (target === -1) continue;
    if (target <= previousAfter || target >= afterCount) return undefined;
    close(line, target);
    previousBefore = line;
    previousAfter = target;
  }
  close(beforeCount, afterCount);
  return changes;
}

function hunksAroundChanges(before: string, after: string, unchanged: Int32Array): StructuredPatchHunk[] | undefined {
  const beforeLines = linesOf(before);
  const afterLines = linesOf(after);
  const changes = changesBetween(unchanged, beforeLines.length, afterLines.length);
  if (changes === undefined) return undefined;
  const hunks: StructuredPatchHunk[] = [];
  for (let first = 0; first < changes.length; ) {
    // Changes closer than two contexts share a hunk, as in a diff of the whole file.
    let last = first;
    while (last + 1 < changes.length && changes[last + 1]!.before[0] - changes[last]!.before[1] <= 2 * CONTEXT) last++;
    // The lines around a stretch are unchanged: as many of them come before it in both texts.
    const lead = Math.min(CONTEXT, changes[first]!.before[0] - (first > 0 ? changes[first - 1]!.before[1] : 0));
    const trail = Math.min(CONTEXT, (last + 1 < changes.length ? changes[last + 1]!.before[0] : beforeLines.length) - changes[last]!.before[1]);
    const lines: string[] = [];
    const context = (from: number, to: number): void => {
      for (let line = from; line < to; line++) lines.push(` ${beforeLines[line]!}`);
    };
    context(changes[first]!.before[0] - lead, changes[first]!.before[0]);
    for (let index = first; index <= last; index++) {
      const change = changes[index]!;
      // Each stretch is diffed on its own: a few lines, however big the file.
      const stretch = diffLines(beforeLines.slice(...change.before).join(''), afterLines.slice(...change.after).join(''));
      for (const part of stretch) for (const line of linesOf(part.value)) lines.push(`${part.added ? '+' : part.removed ? '-' : ' '}${line}`);
      context(change.before[1], index < last ? changes[index + 1]!.before[0] : change.before[1] + trail);
    }
    const oldLines = lines.filter((line) => !line.startsWith('+')).length;
    const newLines = lines.filter((line) => !line.startsWith('-')).length;
    hunks.push({
      // 1-based; formatPatch numbers an empty side from the line before it, as the format wants.
      oldStart: changes[first]!.before[0] - lead + 1,
      oldLines,
      newStart: changes[first]!.after[0] - lead + 1,
      newLines,
      lines: withoutLineBreaks(lines),
    });
    first = last + 1;
  }
  return hunks;
}

/** Hunk lines carry no line break; a last line without one is followed by the marker that says so. */
function withoutLineBreaks(lines: readonly string[]): string[] {
  return lines.flatMap((line) => (line.endsWith('\n') ? [line.slice(0, -1)] : [line, '\\ No newline at end of file']));
}
