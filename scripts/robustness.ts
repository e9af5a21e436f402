// `npm run robustness`: lints every JS/TS source under node_modules with configs.all and fails
// on any rule crash. Parse failures are counted, not failed: they are the parser's business.
import { nodeModulesSources } from './robustness/corpus.js';
import { lintCorpus } from './robustness/lint-corpus.js';

const files = await nodeModulesSources();
const started = Date.now();
const report = lintCorpus(files);
console.log(
  `robustness: ${report.files} files linted with configs.all in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
    `${report.unparsable} did not parse; ${report.reports} reports; ${report.crashes.length} rule crashes`,
);
for (const crash of report.crashes.slice(0, 20)) console.error(`\n${crash.file}\n${crash.error}`);
process.exitCode = report.crashes.length === 0 && report.files >= 5000 ? 0 : 1;
