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

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Declarations and minified bundles are not code anyone wrote into a handler. */
const IGNORED = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];

export interface LintOutcome {
  readonly reports: readonly Report[];
  readonly files: number;
  /** `file:line message` of each file that did not parse: its sites cannot be found. */
  readonly parseFailures: readonly string[];
}

type Plugin = NonNullable<Linter.Config['plugins']>[string];

/** unblock's plugin from dist/, as users get it; `npm run corpus` builds first. */
async function unblockRecommended(): Promise<Linter.Config> {
  const { default: unblock } = (await import(path.join(repoRoot, 'dist', 'rules', 'index.js'))) as { default: { configs: { recommended: Linter.Config } } };
  return unblock.configs.recommended;
}

async function configFor(tool: Tool): Promise<Linter.Config[]> {
  const common: Linter.Config = { files: [SOURCE_FILES], linterOptions: { reportUnusedDisableDirectives: 'off' } };
  const commonjs: Linter.Config = { files: [...COMMONJS_FILES], languageOptions: { sourceType: 'commonjs' } };
  if (tool === 'unblock') return [{ ignores: IGNORED }, { ...common, languageOptions: parserLanguageOptions(), ...(await unblockRecommended()) }, commonjs];
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

/** What `tool` reports on the repository's linted paths inside `dir`. */
export async function lintSnapshot(repo: CorpusRepo, dir: string, tool: Tool): Promise<LintOutcome> {
  // ESLint runs from the folder above the snapshot: a service's own .eslintignore would only
  // make ESLint warn, and its own ignores are not ours to apply.
  const eslint = new ESLint({
    cwd: path.dirname(dir),
    overrideConfigFile: true,
    overrideConfig: await configFor(tool),
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
