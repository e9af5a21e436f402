// `unblock fix`: finds the files, checks that the rewrite can be reviewed and
// undone (a clean git tree), runs the codemods on each file and saves the
// results atomically. It prints nothing; output.ts turns the report into text,
// and stages.ts owns what happens to a file's text between reading and writing.
// It works backwards from what blocks (program-scope.ts): the import graph says
// which files the analysis and the whole-program codemod need, and a file with
// nothing to say holds nothing while the others are analysed.

import { readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';

import { targetOfTempFile, writeFileAtomic } from '../../codemods/engine/atomic-write.js';
import { createDeclarationStore } from '../../codemods/engine/declaration-store.js';
import { whyNotReplaceable } from '../../codemods/engine/replaceable.js';
import { uncommittedChanges } from '../../codemods/engine/git-state.js';
import { filesInShard, type Shard } from '../../codemods/engine/shard.js';
import type { Codemod, ProgramCodemod, ProgramResult } from '../../codemods/engine/types.js';
import { relativePosix } from '../../codemods/engine/relative-path.js';
import { collectFiles } from '../files.js';
import { generatedReason, type GeneratedFile } from '../generated-code.js';
import { releaseDetector } from '../../codemods/engine/detector.js';
import { findPackageScripts } from '../../codemods/sync-callers/package-scripts.js';
import { checkStagedSyntax, finishStages, isQuiet, stageCodemods, stageProgramCodemod, type FileFailure, type LocatedSite, type StagedFile } from './stages.js';
import { collectGarbage } from './collect-garbage.js';
import { programHeapBytes, programTooLarge, type HeapGuardOptions, type ProgramTooLarge } from './heap-guard.js';
import { packBatches } from './program-batches.js';
import { PhaseClock, peakRssBytes, type PhaseTimes } from './phases.js';
import { ProgramScope, type ProgramPart } from './program-scope.js';
import { blocksInAFunction } from './program-seeds.js';
import { unifiedDiff } from './diff.js';
import { catchInterruption } from './interruption.js';
import type { ProgressFactory } from '../progress.js';

export interface FixOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly codemods: readonly Codemod[];
  /** Whole-program codemods, run after the per-file ones over the files that can reach a blocking call and their importers. */
  readonly programCodemods?: readonly ProgramCodemod[];
  /** Compute diffs and write nothing. */
  readonly dry: boolean;
  /** Write even into a git work tree with uncommitted changes. */
  readonly force: boolean;
  readonly shard?: Shard;
  readonly progress?: ProgressFactory;
  /** Also fix files found in a directory that look generated or minified. */
  readonly includeGenerated?: boolean;
  /** The estimate that keeps a whole-program codemod from loading a program the heap cannot hold. */
  readonly heapGuard?: HeapGuardOptions;
}

export interface SiteReport {
  readonly codemod: string;
  readonly api: string;
  readonly family: string;
  readonly reason?: string;
  /** Where the site is in the file as the run leaves it on disk. */
  readonly line: number;
  readonly column: number;
}

export interface FileReport {
  /** Relative to the working directory, with forward slashes. */
  readonly file: string;
  /** The rewrite was written (with --dry: would be). */
  readonly changed: boolean;
  /** Sites fixed in what was written (with --dry: would be); none when the file was not written. */
  readonly fixed: readonly SiteReport[];
  readonly left: readonly SiteReport[];
  readonly failures: readonly FileFailure[];
  /** With --dry: the unified diff of the rewrite. */
  readonly diff?: string;
}

export interface FixReport {
  readonly dry: boolean;
  readonly codemods: readonly string[];
  readonly shard?: Shard;
  /** Files the codemods ran on (after sharding). */
  readonly filesChecked: number;
  /**
   * Files given to the whole-program codemods: those of this run that hold a blocking call or
   * call into one, and every file that imports them, read as callers. 0 when none ran.
   */
  readonly programFiles: number;
  /** Set when the whole-program codemod was not run because its program would not fit in the heap. */
  readonly programTooLarge?: ProgramTooLarge;
  /** Milliseconds spent in each phase of the run. */
  readonly phases: PhaseTimes;
  /** The process's peak resident set size at the end of the run. */
  readonly peakRssBytes: number;
  /** Only the files with something to say: a change, a site, or a failure. */
  readonly files: readonly FileReport[];
  readonly missing: readonly string[];
  /** Those of `missing` that are symbolic link loops. */
  readonly loops: ReadonlySet<string>;
  readonly skipped: readonly string[];
  /** Files left out because they look generated or minified, relative to the working directory. */
  readonly generated: readonly GeneratedFile[];
  /**
   * Temporary files that a run killed mid-write left beside this run's files, relative to the
   * working directory: removed before writing (with --dry: would be). Each holds part of a
   * rewrite that never landed; the file beside it is whole.
   */
  readonly leftoverTemps: readonly string[];
  /** Set when SIGINT or SIGTERM stopped the run: files after the one being written were not. */
  readonly interrupted?: string;
}

export type FixRun =
  | { readonly kind: 'done'; readonly report: FixReport }
  /** The git tree has uncommitted changes and --force was not given; nothing was written. */
  | { readonly kind: 'refused'; readonly dirty: readonly string[] };

export async function runFix(options: FixOptions): Promise<FixRun> {
  const clock = new PhaseClock();
  const programCodemods = options.programCodemods ?? [];
  const collected = await clock.time('walk', () => collectFiles(options.paths, options.cwd));
  const files = options.shard ? filesInShard(collected.files, options.shard, options.cwd) : collected.files;

  // --dry writes nothing, so there is nothing to protect; --force is the user taking responsibility.
  if (!options.dry && !options.force && files.length > 0) {
    const dirty = await uncommittedChanges(options.paths, options.cwd);
    if (dirty.length > 0) return { kind: 'refused', dirty };
  }

  const inRun = new Set(files);
  const leftoverTemps: string[] = [];
  for (const temp of collected.leftoverTemps) {
    const target = targetOfTempFile(temp);
    if (target === undefined || !inRun.has(target)) continue;
    // One that cannot be removed (permissions) is left, and not claimed as removed.
    if (options.dry || (await rm(temp, { force: true }).then(() => true, () => false))) leftoverTemps.push(temp);
  }

  // Scripts this run does not fix that may call into what it rewrites: other shards' files, and
  // the package's tests and tools outside the paths given.
  const outside = programCodemods.length === 0 ? [] : await clock.time('walk', () => outsideCallers(collected.files, files, inRun));

  const interruption = catchInterruption();
  const found: FoundFile[] = [];
  const generated: GeneratedFile[] = [];
  const generatedFiles = new Set<string>();
  const seeds = new Set<string>();
  const reports: FileReport[] = [];
  let programFiles = 0;
  let tooLarge: ProgramTooLarge | undefined;
  try {
    // Every file into the import graph first (read, not parsed): it says which files can have
    // anything to report, and later which the program needs.
    const scope = new ProgramScope();
    await clock.time('analyse', async () => {
      await scope.addAll([...files, ...outside], () => interruption.signal !== undefined);
      await scope.addImported();
    });

    const progress = options.progress?.(files.length, 'unblock fix');
    try {
      await clock.time('analyse', async () => {
        for (const file of files) {
          if (interruption.signal) break;
          const staged = await stageFile(file, options, collected.named.has(file), scope.canReachBlocking(file));
          if ('generated' in staged) {
            generated.push(staged.generated);
            generatedFiles.add(file);
          } else {
            if (programCodemods.length > 0 && 'staged' in staged.read && staged.read.staged.settled === undefined && blocksInAFunction(staged.read.staged.text, file)) seeds.add(file);
            // A file with nothing to say holds nothing; the program reads it again if it needs it.
            found.push('staged' in staged.read && isQuiet(staged.read.staged) ? { file, relative: staged.relative, quiet: true } : staged);
          }
          progress?.tick(relativePath(options.cwd, file));
        }
      });
    } finally {
      progress?.stop();
      // The last parse is the last file's: nothing needs it now.
      releaseDetector();
    }

    let toWrite: readonly PendingFile[] = found.filter(isPending);
    if (!interruption.signal && programCodemods.length > 0) {
      await clock.time('program', async () => {
        const index = new Map(found.map((entry, at) => [entry.file, at]));
        const open = (file: string): boolean => {
          const entry = found[index.get(file) ?? -1];
          return entry !== undefined && (!isPending(entry) || ('staged' in entry.read && entry.read.staged.settled === undefined));
        };
        // Files read into the import graph but not analysed: outside this run, or generated.
        const notAnalysed = (file: string): boolean => !inRun.has(file) || generatedFiles.has(file);
        // Such a file may hold a blocking helper: its text naming a module that can block says it may.
        for (const file of scope.filesNamingBlocking()) if (notAnalysed(file)) seeds.add(file);
        // A caller is read wherever it is, except a file of this run that could not be read or parsed.
        const program = scope.programFor(seeds, open, notAnalysed);
        programFiles = program.editable.length + program.readOnly.length;
        if (program.editable.length === 0) return;
        // The analysis's garbage goes before the first batch's program comes (collect-garbage.ts).
        collectGarbage();
        const root = options.cwd;
        const sizeOfPart = (part: ProgramPart) => ({ files: part.parsed.length, sourceBytes: part.parsed.reduce((sum, file) => sum + scope.sizeOf(file), 0) });
        const order: string[] = [];
        // TypeScript's and the packages' declarations, parsed by the first batch, serve the rest.
        const declarations = createDeclarationStore();
        // One batch of self-contained parts at a time: what a batch parsed is garbage once it is done.
        for (const batch of packBatches(scope.parts(program), (part) => programHeapBytes(sizeOfPart(part), options.heapGuard))) {
          if (interruption.signal) break;
          const tooLargeHere = programTooLarge({ codemod: programCodemods[0]!.name, editable: batch.editable, ...sizeOfPart(batch) }, options.cwd, options.heapGuard);
          if (tooLargeHere) {
            // Parts share nothing: the other batches are still fixed. The largest is the one to report.
            if (!tooLarge || tooLargeHere.estimatedBytes > tooLarge.estimatedBytes) tooLarge = tooLargeHere;
            continue;
          }
          const staged = new Map<string, StagedFile>();
          for (const file of batch.editable) {
            const at = index.get(file)!;
            let entry = found[at]!;
            if (!isPending(entry)) {
              entry = await reread(entry);
              found[at] = entry;
            }
            if ('staged' in entry.read) staged.set(file, entry.read.staged);
          }
          releaseDetector();
          for (const codemod of programCodemods) order.push(...(stageProgramCodemod(codemod, staged, { readOnlyFiles: [...batch.readOnly, ...batch.context], root, discoverCallers: false, followImports: false, declarations }) ?? []));
          collectGarbage();
        }
        toWrite = inWriteOrder(found.filter(isPending), order);
      });
    }

    const byFile = new Map<PendingFile, FileReport>();
    for (const file of toWrite) {
      // Stop between files, never inside a write: each file on disk is the old or the new version.
      if (interruption.signal) break;
      byFile.set(file, await finishFile(file, options, clock));
    }
    // Report in the order the files were found, whatever order they were written in.
    for (const file of found) {
      const report = isPending(file) ? byFile.get(file) : undefined;
      if (report && (report.changed || report.fixed.length > 0 || report.left.length > 0 || report.failures.length > 0)) reports.push(report);
    }
  } finally {
    interruption.dispose();
  }
  return {
    kind: 'done',
    report: {
      dry: options.dry,
      codemods: [...options.codemods, ...programCodemods].map((codemod) => codemod.name),
      ...(options.shard ? { shard: options.shard } : {}),
      filesChecked: files.length - generated.length,
      programFiles,
      files: reports,
      missing: collected.missing,
      loops: collected.loops,
      skipped: collected.skipped,
      generated,
      leftoverTemps: leftoverTemps.map((temp) => relativePath(options.cwd, temp)),
      ...(tooLarge ? { programTooLarge: tooLarge } : {}),
      ...(interruption.signal ? { interrupted: interruption.signal } : {}),
      phases: clock.totals(),
      peakRssBytes: peakRssBytes(),
    },
  };
}

/** The scripts outside this run that may call into it: other shards' files and the packages' other scripts. */
async function outsideCallers(collected: readonly string[], files: readonly string[], inRun: ReadonlySet<string>): Promise<string[]> {
  const outside = new Set(collected.filter((file) => !inRun.has(file)));
  for (const file of await findPackageScripts(files)) if (!inRun.has(file)) outside.add(file);
  return [...outside];
}

/**
 * 130 when interrupted; 2 when a path does not exist (a usage error; the others were still fixed)
 * or the paths hold no JavaScript or TypeScript at all, as for `unblock scan`; 1 when a file
 * failed or the whole-program codemod's program would not fit in the heap; else 0. A shard with no files is not an error: another shard has them.
 */
export function fixExitCode(report: FixReport): 0 | 1 | 2 | 130 {
  if (report.interrupted) return 130;
  if (report.missing.length > 0) return 2;
  if (report.filesChecked === 0 && report.generated.length === 0 && !report.shard) return 2;
  return report.programTooLarge || report.files.some((file) => file.failures.length > 0) ? 1 : 0;
}

export function relativePath(cwd: string, file: string): string {
  return relativePosix(cwd, file) || path.basename(file);
}

/** A file read and through the per-file codemods, not yet written. */
interface PendingFile {
  readonly file: string;
  readonly relative: string;
  /** The file as read, or why it could not be read. */
  readonly read: { readonly buffer: Buffer; readonly staged: StagedFile } | { readonly error: string };
}

/** A file the codemods had nothing to say about: only its name is kept. */
interface QuietFile {
  readonly file: string;
  readonly relative: string;
  readonly quiet: true;
}

type FoundFile = PendingFile | QuietFile;

const isPending = (entry: FoundFile): entry is PendingFile => !('quiet' in entry);

/**
 * Reads the file and runs the per-file codemods on it; a file found in a directory that looks
 * generated is only named. `crossModule`: whether the file imports anything, at any depth, that
 * can block (ProgramScope), without which nothing in it is reported across modules.
 */
async function stageFile(file: string, options: FixOptions, named: boolean, crossModule: boolean): Promise<PendingFile | { readonly generated: GeneratedFile }> {
  const relative = relativePath(options.cwd, file);
  const buffer = await readFile(file).catch((error: unknown) => errorMessage(error));
  if (typeof buffer === 'string') return { file, relative, read: { error: buffer } };
  const text = buffer.toString('utf8');
  const reason = options.includeGenerated || named ? undefined : generatedReason(text);
  if (reason !== undefined) return { generated: { file: relative, reason } };
  const staged = stageCodemods(text, file, options.codemods, { crossModule });
  // With only the whole-program codemod selected, a file it never loads still has its syntax checked.
  if (options.codemods.length === 0) checkStagedSyntax(staged, file);
  return { file, relative, read: { buffer, staged } };
}

/**
 * A quiet file again, for the whole-program codemod: its text, with no stage run. The per-file
 * codemods had nothing to say about it, and they would say the same again (running them anew
 * cost a sixth of the program phase on 2,000 files of real packages).
 */
async function reread(quiet: QuietFile): Promise<PendingFile> {
  const { file, relative } = quiet;
  const buffer = await readFile(file).catch((error: unknown) => errorMessage(error));
  if (typeof buffer === 'string') return { file, relative, read: { error: buffer } };
  return { file, relative, read: { buffer, staged: stageCodemods(buffer.toString('utf8'), file, []) } };
}

/** The files in the codemod's write order (see `ProgramResult.writeOrder`); the files it does not name first, as found. */
function inWriteOrder(files: readonly PendingFile[], order: ProgramResult['writeOrder']): readonly PendingFile[] {
  if (!order || order.length === 0) return files;
  const rank = new Map(order.map((file, index) => [file, index]));
  // Array#sort is stable: files with the same rank keep their order.
  return [...files].sort((a, b) => (rank.get(a.file) ?? -1) - (rank.get(b.file) ?? -1));
}

async function finishFile(pending: PendingFile, options: FixOptions, clock: PhaseClock): Promise<FileReport> {
  const { file, relative, read } = pending;
  if ('error' in read) return { file: relative, changed: false, fixed: [], left: [], failures: [{ kind: 'read', message: read.error }] };
  const { buffer, staged } = read;
  const source = buffer.toString('utf8');
  const applied = clock.timeSync('rewrite', () => finishStages(staged));
  const failures = [...applied.failures];
  let changed = false;
  let diff: string | undefined;
  if (applied.output !== undefined) {
    const output = applied.output;
    // A dry run asks what a real one would: it writes nothing, but says which files it could not.
    const refusal = await clock.time('write', async () => whyNotReplaceable(await realpath(file).catch(() => file)));
    if (!Buffer.from(source, 'utf8').equals(buffer)) {
      // Decoding replaced invalid bytes: writing the text back would corrupt the file.
      failures.push({ kind: 'read', message: 'the file is not valid UTF-8, so it was left as it was' });
    } else if (refusal !== undefined) {
      failures.push({ kind: 'write', message: refusal });
    } else if (options.dry) {
      changed = true;
      diff = clock.timeSync('rewrite', () => unifiedDiff(relative, source, output, applied.unchangedLines?.()));
    } else {
      const problem = await clock.time('write', () => save(file, buffer, output));
      if (problem === undefined) changed = true;
      else failures.push({ kind: 'write', message: problem });
    }
  }
  // Point into the file as it is on disk now: rewritten, or (dry run, failure) as it was.
  const where = changed && !options.dry ? 'after' : 'before';
  const toReport = (site: LocatedSite): SiteReport => ({
    codemod: site.codemod,
    api: site.api,
    family: site.family,
    ...(site.reason === undefined ? {} : { reason: site.reason }),
    line: site[where].line,
    column: site[where].column,
  });
  // Only what reached the disk (with --dry: would) counts as fixed; a file not written fixed nothing.
  const fixed = changed ? applied.fixed.map(toReport) : [];
  return { file: relative, changed, fixed, left: applied.left.map(toReport), failures, ...(diff === undefined ? {} : { diff }) };
}

/** Writes the rewrite unless the file changed since it was read (an editor, a formatter); returns why not. */
async function save(file: string, original: Buffer, output: string): Promise<string | undefined> {
  try {
    const current = await readFile(file);
    if (!current.equals(original)) return 'the file changed on disk while it was being fixed, so it was left as it is; run unblock fix again';
    await writeFileAtomic(file, output);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
