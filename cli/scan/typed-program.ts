// `unblock scan --typed`: the type-checked rules need a TypeScript program that holds every file
// scanned, JavaScript included. The project's own tsconfig.json or jsconfig.json rarely includes
// exactly those files (and a JavaScript project has none), so the scan writes a small tsconfig of
// its own in a temporary directory: it extends the project's config, so that `paths`, `baseUrl`
// and the module settings are the project's, and it adds `allowJs` and the files.

import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TypedProgram {
  /** The generated tsconfig.json, for `parserOptions.project`. */
  readonly tsconfig: string;
  /** The project's own config it extends, if there is one. */
  readonly basedOn?: string;
  readonly dispose: () => Promise<void>;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

const exists = (file: string): Promise<boolean> => access(file).then(
  () => true,
  () => false,
);

/**
 * The tsconfig.json or jsconfig.json that governs `start`: the nearest one going up, stopping at
 * the package root (the first directory with a package.json) or the repository root.
 */
export async function projectConfigFor(start: string): Promise<string | undefined> {
  for (let directory = path.resolve(start); ; ) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(directory, name);
      if (await exists(candidate)) return candidate;
    }
    if ((await exists(path.join(directory, 'package.json'))) || (await exists(path.join(directory, '.git')))) return undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Every `node_modules/@types` from `directory` up: a tsconfig in a temporary directory would find none of them. */
async function typeRoots(directory: string): Promise<string[]> {
  const roots: string[] = [];
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', '@types');
    if (await exists(candidate)) roots.push(candidate);
    if (path.dirname(current) === current) return roots;
  }
}

/** Writes the program's tsconfig for `files`; `dispose` removes it. */
export async function writeTypedProgram(files: readonly string[], cwd: string, basedOn: string | undefined): Promise<TypedProgram> {
  const directory = await mkdtemp(path.join(tmpdir(), 'unblock-scan-'));
  const tsconfig = path.join(directory, 'tsconfig.json');
  const compilerOptions: Record<string, unknown> = {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    // A project config that builds declarations or project references must not make this program try.
    composite: false,
    incremental: false,
    declaration: false,
    typeRoots: await typeRoots(basedOn ? path.dirname(basedOn) : cwd),
    // Without a project config: what Node itself does with the files.
    ...(basedOn ? {} : { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', jsx: 'preserve', resolveJsonModule: true, esModuleInterop: true }),
  };
  const config = { ...(basedOn ? { extends: basedOn } : {}), compilerOptions, files, include: [] };
  await writeFile(tsconfig, `${JSON.stringify(config, null, 2)}\n`);
  return {
    tsconfig,
    ...(basedOn ? { basedOn } : {}),
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}
