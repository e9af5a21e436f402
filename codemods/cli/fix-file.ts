// Runs the selected codemods over one file's text, each on the previous one's
// output, and says what happened. Pure: no file is read or written here.

import type { Codemod, SiteOutcome } from '../engine/types.js';
import { positionMap, type Position } from './position-map.js';

const BOM = '\uFEFF';

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
  readonly fixed: readonly LocatedSite[];
  readonly left: readonly LocatedSite[];
  readonly failures: readonly FileFailure[];
}

interface StageSites {
  readonly codemod: string;
  /** The text the codemod was given: its sites' positions refer to it. */
  readonly input: string;
  readonly fixed: readonly SiteOutcome[];
  readonly left: readonly SiteOutcome[];
}

export function applyCodemods(source: string, filePath: string, codemods: readonly Codemod[]): AppliedCodemods {
  // The parser drops a byte order mark and the codemods rebuild the text without it: take it
  // off here and put it back on the way out, so that a file keeps its BOM.
  const bom = source.startsWith(BOM) ? BOM : '';
  const original = source.slice(bom.length);
  let text = original;
  const stages: StageSites[] = [];
  const failures: FileFailure[] = [];

  for (const codemod of codemods) {
    let result;
    try {
      result = codemod.transform(text, { filePath });
    } catch (error) {
      // A codemod bug must not cost the user their file: leave it exactly as it was.
      const message = `${codemod.name} failed: ${error instanceof Error ? error.message : String(error)}; the file was left as it was`;
      return { fixed: [], left: [], failures: [...failures, { kind: 'crash', codemod: codemod.name, message }] };
    }
    if (result.error?.kind === 'parse') {
      // The input does not parse: every codemod would say the same. Leave the file byte for byte.
      const { line, column } = result.error;
      return {
        fixed: [],
        left: [],
        failures: [{ kind: 'parse', message: result.error.message, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) }],
      };
    }
    if (result.error?.kind === 'reparse') {
      // Its output is dropped (it never comes back), the others still run on the last good text.
      failures.push({ kind: 'reparse', codemod: codemod.name, message: result.error.message });
    }
    stages.push({ codemod: codemod.name, input: text, fixed: result.fixed, left: result.left });
    if (result.output !== undefined) text = result.output;
  }

  const locate = (stage: StageSites, sites: readonly SiteOutcome[]): LocatedSite[] => {
    if (sites.length === 0) return [];
    const toOriginal = positionMap(stage.input, original);
    const toFinal = positionMap(stage.input, text);
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
  return {
    ...(text === original ? {} : { output: bom + text }),
    fixed: stages.flatMap((stage) => locate(stage, stage.fixed)),
    left: stages.flatMap((stage) => locate(stage, stage.left)),
    failures,
  };
}
