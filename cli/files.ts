import { stat } from 'node:fs/promises';
import path from 'node:path';

import { globby, isIgnoredByIgnoreFiles } from 'globby';

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
  /** Arguments that name nothing on disk (a symbolic link loop included). */
  readonly missing: string[];
  /** Those of `missing` that are symbolic links leading round in a loop. */
  readonly loops: ReadonlySet<string>;
  /** Arguments that are files but not JavaScript or TypeScript. */
  readonly skipped: string[];
  /**
   * Files named like `unblock fix`'s temporary files, found in the directories walked: what a run
   * killed mid-write leaves (codemods/engine/atomic-write.ts). Absolute paths, sorted; the fix
   * keeps those beside a file it fixes.
   */
  readonly leftoverTemps: string[];
}

/**
 * ESLint 9 dropped `.eslintignore` (and warns about it); projects that still have one mean its
 * patterns, so the one in the working directory is read like a .gitignore.
 */
const ESLINT_IGNORE_FILE = '.eslintignore';

/** What to say about a path argument that names nothing to read. */
export function missingMessage(input: string, loops: ReadonlySet<string>): string {
  return loops.has(input) ? `unblock: ${input} is a symbolic link loop (following it leads back to itself), so it was skipped` : `unblock: path not found: ${input}`;
}

export function isSourceFile(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file));
}

/**
 * Expands the paths given on the command line. Directories are walked honouring .gitignore (and
 * the working directory's .eslintignore, as ESLint 8 did) and skipping dependencies and build
 * output; symbolic links are not followed, so a link cannot lead the walk out of the tree or round
 * in a loop. Files named explicitly are always included.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const files = new Set<string>();
  const named = new Set<string>();
  const temps = new Set<string>();
  const missing: string[] = [];
  const loops = new Set<string>();
  const skipped: string[] = [];
  const eslintIgnored = await isIgnoredByIgnoreFiles(ESLINT_IGNORE_FILE, { cwd });
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      missing.push(input);
      if (info.code === 'ELOOP') loops.add(input);
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
      for (const file of found) {
        if (file.endsWith(TEMP_FILE_SUFFIX)) temps.add(path.normalize(file));
        else if (!eslintIgnored(file)) files.add(path.normalize(file));
      }
    } else if (isSourceFile(absolute)) {
      files.add(absolute);
      named.add(absolute);
    } else {
      skipped.push(input);
    }
  }
  return { files: [...files].sort(), named, missing, loops, skipped, leftoverTemps: [...temps].sort() };
}
