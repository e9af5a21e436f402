import { Linter } from 'eslint';

import { parserLanguageOptions } from '../../analysis/parser-options.js';
import plugin from '../../rules/index.js';
import { readSource, repoRoot, virtualPath } from './corpus.js';

export interface RobustnessReport {
  readonly files: number;
  readonly unparsable: number;
  readonly reports: number;
  /** Exceptions thrown while linting a file that parsed: a rule crashed. */
  readonly crashes: Array<{ file: string; error: string }>;
}

/** Lints each file with `configs.all` (low-severity APIs included) and collects rule crashes. */
export function lintCorpus(files: readonly string[]): RobustnessReport {
  const linter = new Linter({ configType: 'flat', cwd: repoRoot });
  const rules = Object.fromEntries(
    Object.keys(plugin.configs.all.rules ?? {}).map((rule) => [rule, rule.includes('blocking-in') ? ['error', { includeLowSeverity: true }] : 'error']),
  ) as Linter.RulesRecord;
  const config: Linter.Config[] = [
    {
      files: ['**/*'],
      languageOptions: parserLanguageOptions(),
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { unblock: plugin },
      rules,
    },
  ];
  let unparsable = 0;
  let reports = 0;
  const crashes: RobustnessReport['crashes'] = [];
  for (const file of files) {
    try {
      const messages = linter.verify(readSource(file), config, virtualPath(file));
      if (messages.some((message) => message.fatal)) unparsable++;
      reports += messages.filter((message) => message.ruleId?.startsWith('unblock/')).length;
    } catch (error) {
      crashes.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return { files: files.length, unparsable, reports, crashes };
}
