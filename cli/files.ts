import { stat } from 'node:fs/promises';
import path from 'node:path';

import { globby } from 'globby';

import { SOURCE_EXTENSIONS, SOURCE_FILES as SOURCE_PATTERN } from '../analysis/parser-options.js';
import { TEMP_FILE_SUFFIX } from '../codemods/engine/atomic-write.js';


/** Dependencies, build output and generated declarations: never the code a team writes. */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.output/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

export interface CollectedFiles {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Those of `files` named on the command line rather than found in a directory: always read. */
  readonly named: ReadonlySet<string>;
  /** Arguments that name nothing on disk. */
  readonly missing: string[];
  /** Arguments that are files but not JavaScript or TypeScript. */
  readonly skipped: string[];
  /**
   * Files named like `unblock fix`'s temporary files, found in the directories walked: what a run
   * killed mid-write leaves (codemods/engine/atomic-write.ts). Absolute paths, sorted; the fix
   * keeps those beside a file it fixes.
   */
  readonly leftoverTemps: string[];
}

export function isSourceFile(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file));
}

/**
 * Expands the paths given on the command line. Directories are walked honouring .gitignore and
 * skipping dependencies and build output; symbolic links are not followed, so a link cannot lead
 * the walk out of the tree or round in a loop. Files named explicitly are always included.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const files = new Set<string>();
  const named = new Set<string>();
  const temps = new Set<string>();
  const missing: string[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      missing.push(input);
    } else if (info.isDirectory()) {
      // One walk finds both; a pattern that starts with a dot matches dot files even with `dot: false`.
      const found = await globby([SOURCE_PATTERN, `**/.*${TEMP_FILE_SUFFIX}`], {
        cwd: absolute,
        absolute: true,
        gitignore: true,
        ignore: DEFAULT_IGNORES,
        followSymbolicLinks: false,
        dot: false,
      });
      for (const file of found) (file.endsWith(TEMP_FILE_SUFFIX) ? temps : files).add(path.normalize(file));
    } else if (isSourceFile(absolute)) {
      files.add(absolute);
      named.add(absolute);
    } else {
      skipped.push(input);
    }
  }
  return { files: [...files].sort(), named, missing, skipped, leftoverTemps: [...temps].sort() };
}
