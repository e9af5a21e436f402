// Where a file that an import named but that did not exist would appear. A failed resolution is
// remembered (by our answers and by oxc-resolver's own look at the file system), so an editor
// session would otherwise never see the helper a developer creates after writing its import. A
// new file changes its directory's mtime, so watching the directories of the misses is enough, and
// they are few: a service's imports almost all resolve. (A file created within the same tick of the
// file system's clock as the miss, a few milliseconds, goes unseen until the resolver's lifetime
// ends: no person types that fast.)

import { statSync } from 'node:fs';
import path from 'node:path';

/** Directories watched at once; past this a service has more broken imports than is worth a stat each. */
const MAX_WATCHED = 200;

export class MissWatch {
  /** Directory → its mtime when the miss was seen; undefined when it did not exist either. */
  readonly #directories = new Map<string, number | undefined>();

  /**
   * Remembers where `specifier`, which did not resolve from `fromFile`, would have been found.
   * Only paths are watched: a package name or a tsconfig alias may be looked for in many places.
   */
  add(fromFile: string, specifier: string): void {
    if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return;
    const directory = path.dirname(path.resolve(path.dirname(fromFile), specifier));
    if (this.#directories.has(directory)) return;
    if (this.#directories.size < MAX_WATCHED) this.#directories.set(directory, mtimeOf(directory));
  }

  /**
   * Whether a watched directory changed since its miss, so that what was missing may be there
   * now. Misses past MAX_WATCHED directories are not watched: the caller's lifetime covers them.
   */
  changed(): boolean {
    for (const [directory, mtime] of this.#directories) if (mtimeOf(directory) !== mtime) return true;
    return false;
  }

  clear(): void {
    this.#directories.clear();
  }
}

function mtimeOf(directory: string): number | undefined {
  try {
    return statSync(directory).mtimeMs;
  } catch {
    return undefined;
  }
}
