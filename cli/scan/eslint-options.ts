// The options `unblock scan` gives ESLint, in one place for both ways it lints: in this thread,
// and on several threads, where ESLint's workers load them from a module (they hold the plugin
// and the parser, which cannot be cloned into a worker), written by `writeOptionsModule`.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { ESLint } from 'eslint';

import { SOURCE_FILES } from '../../analysis/parser-options.js';
import { scanConfig, typedScanConfig } from './config.js';
import { PROGRESS_PLUGIN, progressPlugin } from './progress-channel.js';
import { recommendedScanRules } from './recommended-rules.js';

export interface ScanEslintSettings {
  /** Where the scan runs; ESLint runs from the filesystem root above it (see below). */
  readonly cwd: string;
  /** The generated tsconfig of a typed scan. */
  readonly tsconfig?: string | undefined;
  /** Worker threads, or 'off'. */
  readonly concurrency: number | 'off';
  /** The BroadcastChannel on which each linted file is announced, for the progress display. */
  readonly progressChannel?: string | undefined;
}

export function scanEslintOptions(settings: ScanEslintSettings): ESLint.Options {
  const config = settings.tsconfig === undefined ? scanConfig(recommendedScanRules()) : typedScanConfig(settings.tsconfig);
  if (settings.progressChannel !== undefined) {
    config.push({ name: 'unblock/scan-progress', files: [SOURCE_FILES], plugins: { [PROGRESS_PLUGIN]: progressPlugin(settings.progressChannel) }, rules: { [`${PROGRESS_PLUGIN}/linted`]: 'error' } });
  }
  return {
    // The filesystem root as ESLint's cwd keeps every given file "inside the base path",
    // wherever on disk the user pointed us; file discovery already happened before.
    cwd: path.parse(path.resolve(settings.cwd)).root,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    // ESLint 9.34 and later; older ones run with no `concurrency` key at all (threadsAvailable()).
    ...(settings.concurrency === 'off' ? {} : { concurrency: settings.concurrency }),
  };
}

/**
 * Whether this file is the built JavaScript, which a worker thread can import. Run from the
 * TypeScript sources (the tests), it is not, and the scan stays on one thread.
 */
export function optionsModuleLoadable(): boolean {
  return /\.js$/.test(fileURLToPath(import.meta.url));
}

export interface OptionsModule {
  readonly url: URL;
  dispose(): Promise<void>;
}

/** A module whose default export is `scanEslintOptions(settings)`, for `ESLint.fromOptionsModule`. */
export async function writeOptionsModule(settings: ScanEslintSettings): Promise<OptionsModule> {
  const directory = await mkdtemp(path.join(tmpdir(), 'unblock-scan-options-'));
  const file = path.join(directory, 'eslint-options.mjs');
  const source = [
    `import { scanEslintOptions } from ${JSON.stringify(import.meta.url)};`,
    `export default scanEslintOptions(${JSON.stringify(settings)});`,
    '',
  ].join('\n');
  await writeFile(file, source);
  return { url: pathToFileURL(file), dispose: () => rm(directory, { recursive: true, force: true }) };
}
