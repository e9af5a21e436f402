// eslint.config.js: unblock's recommended rules on the server code, off for tests and scripts.
import { defineConfig } from 'eslint/config';
import unblock from 'unblock';

/** Every rule `recommended` turns on, turned off: for code that serves no requests. */
const unblockOff = Object.fromEntries(Object.keys(unblock.configs.recommended.rules).map((rule) => [rule, 'off']));

export default defineConfig([
  { ignores: ['dist/**', 'coverage/**'] },
  {
    // The server: everything that runs while requests are in flight.
    files: ['src/**/*.{js,mjs,cjs}'],
    extends: [unblock.configs.recommended],
  },
  {
    // Tests and scripts serve no requests: a blocking call there stalls nobody.
    files: ['**/*.test.{js,mjs,cjs}', '**/*.spec.{js,mjs,cjs}', 'test/**', 'tests/**', 'scripts/**'],
    rules: unblockOff,
  },
]);
