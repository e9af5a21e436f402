// The contenders of bench/codemod, each a function of one corpus file that returns what it made
// of it. Loaded lazily, so that a memory run (memory-run.mjs) loads only its own contender's code.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { repoRoot } from '../lint/corpus.mjs';

const dist = (...parts) => pathToFileURL(path.join(repoRoot, 'dist', ...parts)).href;

/** TypeScript files go to jscodeshift's `tsx` parser, the rest to its default, `babel`. */
const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * `npx jscodeshift -t noop.js` with a transform that parses and prints: `j(file.source).toSource()`,
 * with the parser jscodeshift would pick.
 */
async function jscodeshiftNoop() {
  const { default: jscodeshift } = await import('jscodeshift');
  const parsers = { tsx: jscodeshift.withParser('tsx'), babel: jscodeshift.withParser('babel') };
  return ({ file, code }) => {
    try {
      const j = TYPESCRIPT.test(file) ? parsers.tsx : parsers.babel;
      return { output: j(code).toSource(), failed: false };
    } catch {
      return { failed: true };
    }
  };
}

/** Every registered per-file codemod, in order, as `unblock fix --dry` runs them: no writes. */
async function unblockFix({ prefilter = true } = {}) {
  const { applyCodemods } = await import(dist('cli', 'fix', 'stages.js'));
  const { CODEMODS } = await import(dist('codemods', 'registry.js'));
  // The detector keeps the last file's parse for the next codemod over the same text. Two
  // contenders over the same file must not share it: each file starts with none, as in a real run.
  const { releaseDetector } = await import(dist('codemods', 'engine', 'detector.js'));
  let codemods = CODEMODS;
  if (!prefilter) {
    // The same planners through the same runner, with the text pre-filter off: every file analysed.
    const { runPlanner } = await import(dist('codemods', 'engine', 'run-planner.js'));
    codemods = await Promise.all(
      CODEMODS.map(async (codemod) => {
        const planPath = path.join(repoRoot, 'dist', 'codemods', codemod.name, 'plan.js');
        if (!existsSync(planPath)) throw new Error(`no ${codemod.name}/plan.js to run without the pre-filter`);
        const { planFile } = await import(pathToFileURL(planPath).href);
        return { ...codemod, transform: (source, options) => runPlanner(source, options.filePath, planFile, { prefilter: false }) };
      }),
    );
  }
  return ({ file, code }) => {
    releaseDetector();
    const result = applyCodemods(code, file, codemods);
    return {
      output: result.output,
      failed: result.failures.length > 0,
      fixed: result.fixed.length,
      left: result.left.length,
    };
  };
}

export const CONTENDERS = {
  'jscodeshift no-op': () => jscodeshiftNoop(),
  'unblock fix codemods': () => unblockFix(),
  'codemods, no pre-filter': () => unblockFix({ prefilter: false }),
};

export const BASELINE = 'jscodeshift no-op';
export const SUBJECT = 'unblock fix codemods';

/** How many files the pre-filter lets through to the analysis. */
export async function prefilterPasses(corpus) {
  const { couldReport } = await import(dist('analysis', 'prefilter.js'));
  return corpus.filter(({ code }) => couldReport(code)).length;
}
