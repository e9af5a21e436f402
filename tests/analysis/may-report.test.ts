// mayReport: the text-only gate before a file's analysis. A file is analysed when it calls one of
// the catalog's blocking APIs by name, or imports (at any depth) a project module that does;
// otherwise no blocking rule can report in it, and it is not analysed at all (no-busy-wait looks
// for its spin loops and Atomics.wait first, and asks this only for the catalog's sleep calls).

import path from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { mayReport } from '../../analysis/file-analysis.js';
import { parserLanguageOptions } from '../../analysis/parser-options.js';
import { tempTree } from '../helpers/temp-tree.js';

const { root, write } = tempTree('unblock-may-report-');

/** What mayReport says of `code`, linted as `file` of the temp project. */
function gate(file: string, code: string): boolean {
  let answer: boolean | undefined;
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          answer = mayReport(context);
        },
      };
    },
  };
  new Linter({ configType: 'flat', cwd: '/' }).verify(
    code,
    [{ files: ['**/*.*'], languageOptions: parserLanguageOptions(), plugins: { probe: { rules: { gate: rule } } as never }, rules: { 'probe/gate': 'error' } }],
    path.join(root, file),
  );
  if (answer === undefined) throw new Error('the probe rule did not run');
  return answer;
}

write('lib/format.js', `exports.bytes = (n) => \`\${n} B\`;\n`);
write('lib/config.js', `const fs = require('fs');\nexports.load = () => fs.readFileSync('c.json', 'utf8');\n`);
write('lib/settings.js', `const config = require('./config');\nexports.get = () => config.load();\n`);

describe('mayReport', () => {
  it('is false for a file that names nothing blocking and imports only modules that do not either', () => {
    expect(gate('routes/a.js', `const format = require('../lib/format');\nmodule.exports = async (req, res) => res.send(format.bytes(1));\n`)).toBe(false);
  });

  it('is true for a file that calls a blocking API by name', () => {
    expect(gate('routes/b.js', `const { execSync } = require('node:child_process');\nmodule.exports = async () => execSync('ls');\n`)).toBe(true);
  });

  it('is false for a file that only reads a clock: no-busy-wait finds its spin loops without it', () => {
    expect(gate('routes/c.js', `module.exports = async () => { const end = Date.now() + 5; while (Date.now() < end) {} };\n`)).toBe(false);
  });

  it('is true for a file that calls a sleep module by name', () => {
    expect(gate('routes/e.js', `const sleep = require('atomic-sleep');\nmodule.exports = async () => sleep(10);\n`)).toBe(true);
  });

  it('is true for a file whose helper, two modules away, names a blocking API', () => {
    expect(gate('routes/d.js', `const settings = require('../lib/settings');\nmodule.exports = async (req, res) => res.json(settings.get());\n`)).toBe(true);
  });
});
