import rule from '../../rules/no-blocking-in-async.js';
import { createRuleTester } from './rule-tester.js';

createRuleTester().run('no-blocking-in-async (harness check)', rule, {
  valid: [`import fs from 'node:fs'; const text = fs.readFileSync('config.json', 'utf8');`],
  invalid: [
    {
      code: `import fs from 'node:fs';\nasync function loadUser(id: string) {\n  return fs.readFileSync(id, 'utf8');\n}`,
      errors: [
        {
          messageId: 'blockingCall',
          line: 3,
          column: 10,
          data: { api: 'fs.readFileSync', context: 'async function `loadUser`', fix: 'use `fs.promises.readFile`' },
          suggestions: [
            {
              messageId: 'suggestAwait',
              data: { replacement: 'fs.promises.readFile' },
              output: `import fs from 'node:fs';\nasync function loadUser(id: string) {\n  return await fs.promises.readFile(id, 'utf8');\n}`,
            },
          ],
        },
      ],
    },
  ],
});
