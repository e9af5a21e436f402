// Runs the selected codemods over a file's text, each on the previous one's
// output, and says what happened: the per-file codemods one file at a time, a
// whole-program codemod over every staged file at once. This file is the only
// one that changes a StagedFile. Pure: no file is read or written here.

import { splitByteOrderMark } from '../../codemods/engine/file-style.js';
import { CROSS_MODULE_STAGE, crossModuleSites } from '../../codemods/engine/cross-module-sites.js';
import type { DeclarationStore } from '../../codemods/engine/declaration-store.js';
import { checkSyntax } from '../../codemods/engine/detector.js';
import type { Codemod, FileResult, ProgramCodemod, ProgramResult, SiteOutcome } from '../../codemods/engine/types.js';
import { alignByDiff, alignByLineStarts, chain, identity, type Alignment } from './line-alignment.js';
import type { Position } from './position-map.js';

/** A site as the CLI reports it: where it is before and after the rewrite, and which codemod saw it. */
export interface LocatedSite {
  readonly codemod: string;
  readonly api: string;
  readonly family: SiteOutcome['family'];
  readonly reason?: string;
  readonly before: Position;
  readonly after: Position;
}

export interface FileFailure {
  /** parse: the input does not parse; reparse: a codemod's output did not, so it was dropped;
   *  crash: a codemod threw; read: unreadable or not UTF-8; write: the rewrite could not be saved. */
  readonly kind: 'parse' | 'reparse' | 'crash' | 'read' | 'write';
  readonly message: string;
  readonly codemod?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface AppliedCodemods {
  /** The new text, BOM included; undefined when nothing changed or the file must be left as it is. */
  readonly output?: string;
  /** With `output`: for each line of the original, its line in `output` when it is unchanged, else -1. */
  readonly unchangedLines?: () => Int32Array;
  readonly fixed: readonly LocatedSite[];
  readonly left: readonly LocatedSite[];
  readonly failures: readonly FileFailure[];
}

interface StageSites {
  readonly codemod: string;
  /** The text the codemod was given: its sites' positions refer to it. */
  readonly input: string;
  /** Where each line of `input` begins in the codemod's output, when it said (FileResult.lineStarts). */
  readonly lineStarts?: Int32Array;
  readonly fixed: readonly SiteOutcome[];
  readonly left: readonly SiteOutcome[];
}

/** A file part-way through the codemods: the text so far, and what each stage said. */
export interface StagedFile {
  readonly bom: string;
  readonly original: string;
  text: string;
  readonly stages: StageSites[];
  readonly failures: FileFailure[];
  /** Set when the file must be left as it is (it does not parse, a codemod threw): the final word. */
  settled?: AppliedCodemods;
}

export function applyCodemods(source: string, filePath: string, codemods: readonly Codemod[]): AppliedCodemods {
  return finishStages(stageCodemods(source, filePath, codemods));
}

export interface StageOptions {
  /**
   * False when the file imports nothing, at any depth, that names a module that can block (see
   * cli/fix/program-scope.ts): the rules then report nothing across modules in it, and the
   * cross-module stage, the one that analyses every file, is skipped. Default: true.
   */
  readonly crossModule?: boolean;
}

/** Runs the per-file codemods, each on the previous one's output. */
export function stageCodemods(source: string, filePath: string, codemods: readonly Codemod[], options: StageOptions = {}): StagedFile {
  // A byte order mark comes off here and goes back on in finishStages: the file keeps it.
  const { bom, body: original } = splitByteOrderMark(source);
  const staged: StagedFile = { bom, original, text: original, stages: [], failures: [] };
  // What the rules report across modules, listed as left unless a codemod fixes it (finishStages).
  if (codemods.length > 0 && options.crossModule !== false) addStage(staged, CROSS_MODULE_STAGE, crossModuleSites(original, filePath));

  for (const codemod of codemods) {
    let result: FileResult;
    try {
      result = codemod.transform(staged.text, { filePath });
    } catch (error) {
      settleAsCrash(staged, codemod.name, error);
      return staged;
    }
    addStage(staged, codemod.name, result);
    if (staged.settled) return staged;
  }
  return staged;
}

/**
 * Settles a file that does not parse, as a per-file codemod would have: for a run with only the
 * whole-program codemod, which reports the syntax errors of the files it loads, and loads few.
 */
export function checkStagedSyntax(staged: StagedFile, filePath: string): void {
  const check = checkSyntax(staged.text, filePath);
  if (check.ok) return;
  const { line, column } = check;
  addStage(staged, 'syntax', { fixed: [], left: [], error: { kind: 'parse', message: check.message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) } });
}

/** Nothing to say about the file: no codemod changed it, saw a site in it, or failed on it. */
export function isQuiet(staged: StagedFile): boolean {
  return staged.settled === undefined && staged.failures.length === 0 && staged.text === staged.original && staged.stages.every((stage) => stage.fixed.length === 0 && stage.left.length === 0);
}

/**
 * What the whole-program codemod is told beside the files: `readOnlyFiles` (other shards', and
 * the callers outside this run, and what the seeds import) are read for their calls and types,
 * never rewritten; `discoverCallers` false when the caller already chose every file that can call
 * into the program.
 */
export interface ProgramStageOptions {
  readonly readOnlyFiles: readonly string[];
  readonly root: string;
  readonly discoverCallers?: boolean;
  /** False when these files are all the program needs of the project (ProgramOptions.followImports). */
  readonly followImports?: boolean;
  /** Shared by a run's batches: what one program parsed of TypeScript's and packages' declarations, the next reuses. */
  readonly declarations?: DeclarationStore;
}

/**
 * A whole-program codemod sees every open file at once (one no codemod settled), as the per-file
 * codemods left it, and its share for each file becomes that file's next stage. Returns the
 * codemod's write order.
 */
export function stageProgramCodemod(codemod: ProgramCodemod, staged: ReadonlyMap<string, StagedFile>, options: ProgramStageOptions): ProgramResult['writeOrder'] {
  const open = [...staged].filter(([, file]) => file.settled === undefined);
  if (open.length === 0) return undefined;
  // The codemod reads files from disk unless told otherwise: pass the texts the per-file codemods changed.
  const sources = new Map(open.filter(([, file]) => file.text !== file.original).map(([path, file]) => [path, file.text]));
  let outcome: ProgramResult;
  try {
    outcome = codemod.transformProgram({
      files: open.map(([path]) => path),
      sources,
      readOnlyFiles: options.readOnlyFiles,
      root: options.root,
      ...(options.discoverCallers === undefined ? {} : { discoverCallers: options.discoverCallers }),
      ...(options.followImports === undefined ? {} : { followImports: options.followImports }),
      ...(options.declarations === undefined ? {} : { declarations: options.declarations }),
    });
  } catch (error) {
    // Its bug must not cost the per-file codemods' work, nor any file: report it once and go on.
    open[0]![1].failures.push({ kind: 'crash', codemod: codemod.name, message: `${codemod.name} failed on the program: ${errorMessage(error)}; it changed no file` });
    return undefined;
  }
  for (const [path, file] of open) {
    const result = outcome.results.get(path);
    if (!result) continue;
    try {
      addStage(file, codemod.name, result);
    } catch (error) {
      settleAsCrash(file, codemod.name, error);
    }
  }
  return outcome.writeOrder;
}

/** Adds one codemod's result for this file (a whole-program codemod's share, say) as the next stage. */
function addStage(staged: StagedFile, codemod: string, result: FileResult): void {
  if (staged.settled) return;
  if (result.error?.kind === 'parse') {
    // The input does not parse: every codemod would say the same. Leave the file byte for byte.
    const { line, column } = result.error;
    staged.settled = {
      fixed: [],
      left: [],
      failures: [{ kind: 'parse', message: result.error.message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) }],
    };
    return;
  }
  if (result.error?.kind === 'reparse') {
    // Its output is dropped (it never comes back), the others still run on the last good text.
    staged.failures.push({ kind: 'reparse', codemod, message: result.error.message });
  }
  const lineStarts = result.output === undefined ? undefined : result.lineStarts;
  staged.stages.push({ codemod, input: staged.text, fixed: result.fixed, left: result.left, ...(lineStarts ? { lineStarts } : {}) });
  if (result.output !== undefined) staged.text = result.output;
}

/** A codemod bug must not cost the user their file: leave it exactly as it was. */
function settleAsCrash(staged: StagedFile, codemod: string, error: unknown): void {
  const message = `${codemod} failed: ${errorMessage(error)}; the file was left as it was`;
  staged.settled = { fixed: [], left: [], failures: [...staged.failures, { kind: 'crash', codemod, message }] };
}

/** The outcome: the final text and every stage's sites, located in the original and the final text. */
export function finishStages(staged: StagedFile): AppliedCodemods {
  if (staged.settled) return staged.settled;
  const { bom, original, text, stages } = staged;
  // Each stage's input lined up with its output (the next stage's input); built only when asked.
  const alignments = new Map<number, Alignment>();
  const alignmentOf = (index: number): Alignment => {
    let alignment = alignments.get(index);
    if (!alignment) {
      const stage = stages[index]!;
      const output = stages[index + 1]?.input ?? text;
      alignment = stage.input === output ? identity(output) : stage.lineStarts ? alignByLineStarts(stage.input, output, stage.lineStarts) : alignByDiff(stage.input, output);
      alignments.set(index, alignment);
    }
    return alignment;
  };
  /** From the input of stage `from` to the input of stage `to` (stages.length: the final text). */
  const across = (from: number, to: number): Alignment => {
    let alignment = identity(stages[from]?.input ?? text);
    for (let index = from; index < to; index++) alignment = chain(alignment, alignmentOf(index));
    return alignment;
  };
  const locate = (index: number, sites: readonly SiteOutcome[]): LocatedSite[] => {
    if (sites.length === 0) return [];
    const stage = stages[index]!;
    const toOriginal = across(0, index).backward;
    const toFinal = across(index, stages.length).forward;
    return sites.map((site) => {
      const at = { line: site.line, column: site.column };
      return {
        codemod: stage.codemod,
        api: site.api,
        family: site.family,
        ...(site.reason === undefined ? {} : { reason: site.reason }),
        before: toOriginal(at),
        after: toFinal(at),
      };
    });
  };
  const fixed = stages.flatMap((stage, index) => locate(index, stage.fixed));
  const left = stages.flatMap((stage, index) => locate(index, stage.left));
  // A cross-module call that a codemod fixed, or left with a reason of its own, is that codemod's to report.
  const claimed = new Set([...fixed, ...left].filter((site) => site.codemod !== CROSS_MODULE_STAGE).map((site) => `${site.before.line}:${site.before.column}`));
  return {
    ...(text === original ? {} : { output: bom + text, unchangedLines: () => across(0, stages.length).unchangedLines() }),
    fixed,
    left: left.filter((site) => site.codemod !== CROSS_MODULE_STAGE || !claimed.has(`${site.before.line}:${site.before.column}`)),
    failures: staged.failures,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
