// Lints one snapshot twice through ESLint's Node API: with unblock's untyped configs.recommended
// (from this repository's build) and with eslint-plugin-n's `n/no-sync`, both on
// @typescript-eslint/parser for every file, and returns what each reported.
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import pluginN from 'eslint-plugin-n';

import { COMMONJS_FILES, parserLanguageOptions, SOURCE_FILES } from '../../analysis/parser-options.js';
import { parserForNoSync } from '../../scripts/no-sync-parser.js';
import type { CorpusRepo } from './labels.js';
import type { Report, Tool } from './match.js';

/** This repository's build, which `npm run corpus` brings up to date first. */
export const DEFAULT_DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

/** Declarations and minified bundles are not code anyone wrote into a handler. */
const IGNORED = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];

export interface LintOutcome {
  readonly reports: readonly Report[];
  readonly files: number;
  /** `file:line message` of each file that did not parse: its sites cannot be found. */
  readonly parseFailures: readonly string[];
}

type Plugin = NonNullable<Linter.Config['plugins']>[string];

/** unblock's plugin from a build (`dist/` of this or another checkout), as users get it. */
async function unblockRecommended(dist: string): Promise<Linter.Config> {
  const entry = path.join(dist, 'rules', 'index.js');
  const { default: unblock } = (await import(entry)) as { default: { configs: { recommended: Linter.Config } } };
  return unblock.configs.recommended;
}

async function configFor(tool: Tool, dist: string): Promise<Linter.Config[]> {
  const common: Linter.Config = { files: [SOURCE_FILES], linterOptions: { reportUnusedDisableDirectives: 'off' } };
  const commonjs: Linter.Config = { files: [...COMMONJS_FILES], languageOptions: { sourceType: 'commonjs' } };
  if (tool === 'unblock') return [{ ignores: IGNORED }, { ...common, languageOptions: parserLanguageOptions(), ...(await unblockRecommended(dist)) }, commonjs];
  return [
    { ignores: IGNORED },
    {
      ...common,
      languageOptions: { ...parserLanguageOptions(), parser: parserForNoSync },
      plugins: { n: pluginN as unknown as Plugin },
      rules: { 'n/no-sync': 'error' },
    },
    commonjs,
  ];
}

/** What `tool` reports on the repository's linted paths inside `dir`; unblock comes from the build in `dist`. */
export async function lintSnapshot(repo: CorpusRepo, dir: string, tool: Tool, dist = DEFAULT_DIST): Promise<LintOutcome> {
  // ESLint runs from the folder above the snapshot: a service's own .eslintignore would only
  // make ESLint warn, and its own ignores are not ours to apply.
  const eslint = new ESLint({
    cwd: path.dirname(dir),
    overrideConfigFile: true,
    overrideConfig: await configFor(tool, dist),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  const results = await eslint.lintFiles(repo.lint.map((entry) => path.join(dir, entry)));
  const reports: Report[] = [];
  const parseFailures: string[] = [];
  for (const result of results) {
    const file = path.relative(dir, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal) parseFailures.push(`${repo.repo} ${file}:${message.line} ${message.message}`);
      else if (message.ruleId && (message.ruleId.startsWith('unblock/') || message.ruleId === 'n/no-sync')) {
        reports.push({ tool, repo: repo.repo, file, line: message.line, ruleId: message.ruleId, message: message.message });
      }
    }
  }
  return { reports, files: results.length, parseFailures };
}
