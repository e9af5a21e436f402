// Stack frames as `node --trace-sync-io` prints them, and what each one is:
// Node itself, its module loader, a dependency, or the user's code.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StackFrame {
  /** The function name V8 gives, when it has one (`readFileSync`, `later`). */
  readonly function?: string;
  /** The script as printed: `node:fs`, `file:///srv/app.mjs`, `/srv/app.cjs`. */
  readonly location: string;
  /** 1-based, as printed. */
  readonly line: number;
  /** 1-based, as printed. */
  readonly column: number;
}

export type FrameKind = 'core' | 'loader' | 'dependency' | 'user' | 'shim';

const POSITION = /^(.+):(\d+):(\d+)$/;

/** `    at fn (location:line:col)` or `    at location:line:col`; undefined for any other line. */
export function parseFrameLine(text: string): StackFrame | undefined {
  if (!text.startsWith('    at ')) return undefined;
  const rest = text.slice('    at '.length).trimEnd();
  if (rest.endsWith(')')) {
    const open = rest.indexOf(' (');
    if (open > 0) {
      const position = POSITION.exec(rest.slice(open + 2, -1));
      if (position) return { function: rest.slice(0, open), location: position[1]!, line: Number(position[2]), column: Number(position[3]) };
    }
  }
  const position = POSITION.exec(rest);
  if (!position) return undefined;
  return { location: position[1]!, line: Number(position[2]), column: Number(position[3]) };
}

/** The file a frame ran in, as an absolute path; undefined for Node's own scripts, eval and other URLs. */
export function framePath(location: string): string | undefined {
  if (location.startsWith('file://')) {
    try {
      return path.normalize(fileURLToPath(location));
    } catch {
      return undefined;
    }
  }
  if (path.isAbsolute(location) || path.win32.isAbsolute(location)) return path.normalize(location);
  return undefined;
}

const NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * What ran the frame. The module loader gets its own kind because a sync call under it happened
 * while a module was being loaded (start-up, or a lazy `require`), not while serving.
 */
export function frameKind(frame: StackFrame, shimPath?: string): FrameKind {
  if (frame.location.startsWith('node:internal/modules/')) return 'loader';
  const file = framePath(frame.location);
  if (file === undefined) return 'core';
  if (shimPath !== undefined && file === shimPath) return 'shim';
  return NODE_MODULES.test(file) ? 'dependency' : 'user';
}

/** The npm package a file belongs to (`/a/node_modules/@s/p/lib/x.js` → `@s/p`), from its last node_modules segment. */
export function packageOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const index = parts.lastIndexOf('node_modules');
  if (index < 0) return undefined;
  const first = parts[index + 1];
  if (!first) return undefined;
  if (first.startsWith('@')) return parts[index + 2] ? `${first}/${parts[index + 2]}` : undefined;
  return first;
}

/** The module a Node core frame belongs to (`node:fs` → `fs`); undefined for internals. */
export function coreModuleOf(location: string): string | undefined {
  return location.startsWith('node:') && !location.startsWith('node:internal/') ? location.slice('node:'.length) : undefined;
}
