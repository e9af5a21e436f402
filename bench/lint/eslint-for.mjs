// An ESLint for one config, set up as `eslint .` runs: the config is normalised once, when the
// instance is made, and each file is linted through it. Linter#verify given a plain config array
// normalises it again for every file (rule options validated, merged and cloned), a cost only a
// config with rules pays and `eslint .` never does. Used by the lint benches (index.mjs, cold-run.mjs).
import { ESLint } from 'eslint';

/** `config` is a flat config array; files are linted as if ESLint ran in `cwd` (they must lie under it). */
export function eslintFor(config, cwd) {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false, warnIgnored: false });
}

/** The messages for `code` linted as `file`. Throws when a rule crashes, as `eslint .` does. */
export async function lintMessages(eslint, code, file) {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages;
}
