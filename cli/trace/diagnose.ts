// Why the rules missed a site the trace saw, and the `settings.unblock.blockingApis`
// entry that would make them report it, when a function can be named.

import path from 'node:path';

import { MODULE_APIS, type ModuleApiEntry } from '../../analysis/catalog/index.js';
import { isRelativeSpecifier, normalizeModuleSpecifier } from '../../analysis/module-specifier.js';
import { relativePosix } from '../../codemods/engine/relative-path.js';
import { coreModuleOf, framePath, packageOf } from './frames.js';
import type { ImportedName } from './source.js';
import type { TraceSite, UserFrame } from './sites.js';

export type MissKind =
  /** The catalog knows the API; the analysis did not see the call on the event loop. */
  | 'analysis'
  /** The catalog does not know the API. */
  | 'catalog'
  /** A low-severity catalog entry, which the rules report only with `includeLowSeverity`. */
  | 'low-severity'
  /** The call could not be named. */
  | 'unknown';

export interface BlockingApiSuggestion {
  readonly module: string;
  /** Dotted export path, `''` for the module itself: the form `blockingApis` takes. */
  readonly path: string;
}

export interface Diagnosis {
  readonly kind: MissKind;
  readonly reason: string;
  /** The catalog's id for the API, when it has one. */
  readonly catalogId?: string;
  readonly suggestion?: BlockingApiSuggestion;
}

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((part, index) => part === b[index]);

function catalogEntry(imported: ImportedName): ModuleApiEntry | undefined {
  const module = normalizeModuleSpecifier(imported.module);
  return MODULE_APIS.find((entry) => entry.modules.includes(module) && samePath(entry.path, imported.path));
}

/**
 * The entry for a name imported in `file`. A project file is named from the working directory
 * (where ESLint runs, and reads a relative `module` from), so that the entry matches every file
 * that imports it, whatever relative path each one writes.
 */
function suggestionFor(imported: ImportedName, file: string, cwd: string): BlockingApiSuggestion {
  if (!isRelativeSpecifier(imported.module)) return { module: imported.module, path: imported.path.join('.') };
  const fromCwd = relativePosix(cwd, path.resolve(path.dirname(file), imported.module));
  return { module: fromCwd.startsWith('../') ? fromCwd : `./${fromCwd}`, path: imported.path.join('.') };
}
const display = (imported: ImportedName): string => [imported.module, ...imported.path].join('.');

/** The miss behind a site only the trace saw; `cwd` is where the suggested entries are relative to. */
export function diagnose(site: TraceSite, cwd: string): Diagnosis {
  if (site.imported) {
    const entry = catalogEntry(site.imported);
    if (entry?.severity === 'low') {
      return {
        kind: 'low-severity',
        catalogId: entry.id,
        reason: `\`${entry.display}\` is in the catalog with low severity: the rules report it only with their \`includeLowSeverity\` option`,
      };
    }
    if (entry) {
      // The helper the caller called, imported from another file, is the function a setting could name.
      const caller = site.callers.map((chain) => chain[0]).find((frame): frame is UserFrame & { imported: ImportedName } => frame?.imported !== undefined);
      const helper = caller?.imported;
      const inFunction = site.function ? ` in \`${site.function}\`` : '';
      // The rules follow helpers into the project's modules, but not every way a call can reach them.
      const setting = helper
        ? `: its caller imports \`${helper.path.join('.') || 'it'}\` from '${helper.module}', through a value the rules could not follow there (UNBLOCK_DEBUG=modules says why); a blockingApis entry for it makes every call of it count`
        : '';
      return {
        kind: 'analysis',
        catalogId: entry.id,
        reason: `\`${entry.display}\` is in the catalog, but the analysis did not see this call${inFunction} on the event loop${setting}`,
        ...(caller ? { suggestion: suggestionFor(caller.imported, caller.file, cwd) } : {}),
      };
    }
    return {
      kind: 'catalog',
      reason: `\`${display(site.imported)}\` is not in the catalog`,
      suggestion: suggestionFor(site.imported, site.file, cwd),
    };
  }

  const frame = site.apiFrame;
  const name = frame?.function?.split('.').at(-1);
  const file = frame && framePath(frame.location);
  const pkg = file && packageOf(file);
  if (pkg && name && !name.startsWith('<')) {
    return {
      kind: 'catalog',
      reason: `\`${site.api}\` calls \`${name}\` in ${pkg}, which the catalog does not know (the call is not to an import, so check the export path)`,
      suggestion: { module: pkg, path: name },
    };
  }
  const core = frame && coreModuleOf(frame.location);
  if (core && name) {
    return { kind: 'analysis', reason: `\`${site.api}\` reaches Node's \`${core}.${name}\`, through a value the analysis cannot follow to an import` };
  }
  return { kind: 'unknown', reason: `\`${site.api}\` could not be traced to a module export` };
}
