// The sync-callers codemod's long trials, in `npm run test:slow` (sync-callers.test.ts checks the
// outputs): for each case of tests/codemods/sync-callers/,
// - a run stopped between any two writes, then run again, ends where an uninterrupted run ends;
// - a second run, on expected/, changes nothing and leaves the same calls for the same reasons;
// - a TypeScript case type-checks after the rewrite with no error it did not have before.

import path from 'node:path';

import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import type { SiteOutcome } from '../../codemods/engine/types.js';
import { setModuleFormats } from '../../codemods/sync-callers/module-format.js';
import { transformProgram } from '../../codemods/sync-callers/transform.js';
import { cases, describeSite, loadCase, normalized } from './sync-callers-cases.js';

describe.each(cases)('%s', (name) => {
  const { inputDirectory, expectedDirectory, files, scripts, wantedErrors, broken, transform, run, resultOf, input, expected } = loadCase(name);
  // `unblock fix` writes the files one by one, in `writeOrder`, and a run can stop between two
  // writes (Ctrl-C, a CI timeout). Whatever it had written by then, running it again must end
  // where an uninterrupted run ends: a helper's module written before its caller's would leave the
  // caller using a promise as its value, and a rerun cannot tell it was meant to be awaited.
  const rewritten = scripts.filter((file) => !broken.has(file) && input(file) !== expected(file));
  if (rewritten.length > 1) {
    it('can be stopped between any two writes: a rerun finishes the job', () => {
      const order = (run().writeOrder ?? []).map((file) => path.relative(inputDirectory, file)).filter((file) => rewritten.includes(file));
      expect([...order].sort()).toEqual([...rewritten].sort());
      for (let written = 1; written < order.length; written++) {
        const stoppedAfter = order.slice(0, written);
        const rerun = transformProgram({
          files: scripts.map((file) => path.join(inputDirectory, file)),
          root: inputDirectory,
          sources: new Map(stoppedAfter.map((file) => [path.join(inputDirectory, file), expected(file)])),
          ...(files.includes('tsconfig.json') ? { tsConfigFilePath: path.join(inputDirectory, 'tsconfig.json') } : {}),
        });
        for (const file of scripts) {
          const now = stoppedAfter.includes(file) ? expected(file) : input(file);
          const result = rerun.results.get(path.join(inputDirectory, file))!;
          expect(result.output ?? now, `stopped after ${stoppedAfter.join(', ')}: ${file}`).toBe(expected(file));
        }
      }
    });
  }

  it('changes nothing on a second run', () => {
    const again = transform(expectedDirectory);
    const firstLeft: SiteOutcome[] = [];
    const againLeft: SiteOutcome[] = [];
    for (const file of scripts) {
      const result = again.results.get(path.join(expectedDirectory, file))!;
      expect(result.error?.kind, file).toBe(wantedErrors.find((error) => error.file === file)?.kind);
      expect(result.output, file).toBeUndefined();
      expect(result.fixed.map(describeSite), file).toEqual([]);
      againLeft.push(...result.left);
      firstLeft.push(...resultOf(file).left);
    }
    expect(normalized(againLeft)).toEqual(normalized(firstLeft));
  });

  if (scripts.some((file) => /\.[cm]?tsx?$/.test(file))) {
    it('type-checks after the rewrite with no new errors', () => {
      const diagnostics = (text: (file: string) => string): string[] => {
        const project = new Project({
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            target: ts.ScriptTarget.ES2022,
            lib: ['lib.es2023.d.ts'],
            module: ts.ModuleKind.NodeNext,
            moduleResolution: ts.ModuleResolutionKind.NodeNext,
            types: ['node'],
          },
          skipAddingFilesFromTsConfig: true,
        });
        for (const file of scripts) project.createSourceFile(path.join(inputDirectory, file), text(file), { overwrite: true });
        setModuleFormats(project);
        return project.getPreEmitDiagnostics().map((diagnostic) => {
          const source = diagnostic.getSourceFile();
          const where = source ? path.relative(inputDirectory, source.getFilePath()) : '(global)';
          return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, '\n')}`;
        });
      };
      const before = diagnostics(input);
      const after = diagnostics((file) => resultOf(file).output ?? input(file));
      expect(after.filter((message) => !before.includes(message))).toEqual([]);
    });
  }
});
