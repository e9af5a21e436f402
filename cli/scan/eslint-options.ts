// The options `unblock scan` gives ESLint, in one place for both ways it lints: in this thread,
// and on several (lint-thread.ts builds its ESLint from the same settings, which are plain data
// so that they cross to the thread; the plugin and the parser are loaded there).

import path from 'node:path';

import type { ESLint } from 'eslint';

import { scanConfig, typedScanConfig } from './config.js';
import { recommendedScanRules } from './recommended-rules.js';

export interface ScanEslintSettings {
  /** Where the scan runs; ESLint runs from the filesystem root above it (see below). */
  readonly cwd: string;
  /** The generated tsconfig of a typed scan. */
  readonly tsconfig?: string | undefined;
}

export function scanEslintOptions(settings: ScanEslintSettings): ESLint.Options {
  return {
    // The filesystem root as ESLint's cwd keeps every given file "inside the base path",
    // wherever on disk the user pointed us; file discovery already happened before.
    cwd: path.parse(path.resolve(settings.cwd)).root,
    overrideConfigFile: true,
    overrideConfig: settings.tsconfig === undefined ? scanConfig(recommendedScanRules()) : typedScanConfig(settings.tsconfig),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  };
}
