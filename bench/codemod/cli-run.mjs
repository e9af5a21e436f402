// One run of the command line in a process of its own, for bench/codemod/fix-scale's wall time
// and peak memory: `node cli-run.mjs <directory> <unblock arguments…>`. Runs `main` from dist/
// in-process, with the output thrown away, and prints one JSON line: the time `main` took, the
// peak RSS (the high-water mark, not a sample), the exit code and, for `fix --json`, its report.
import path from 'node:path';

const [directory, ...argv] = process.argv.slice(2);
const { main } = await import(path.resolve(import.meta.dirname, '../../dist/cli/main.js'));
let stdout = '';
const start = performance.now();
const code = await main(argv, { cwd: directory, stdout: (text) => (stdout += text), stderr: () => undefined });
const ms = performance.now() - start;
const report = argv.includes('--json') ? JSON.parse(stdout) : undefined;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, code, ...(report ? { summary: report.summary, phases: report.phases } : {}) }));
