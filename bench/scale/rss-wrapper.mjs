// The fallback of measure.mjs where GNU time is missing: runs a Node script in this very process,
// as if started as `node script args…`, and writes this process's user and system CPU seconds and
// peak RSS (KiB) to a file when it exits, as GNU time's `%U %S %M` would, however it exits (a CLI
// ends with process.exit, or by setting exitCode).
//
//   node rss-wrapper.mjs <report file> <script> args…
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(report, `${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6} ${usage.maxRSS}\n`);
});
await import(pathToFileURL(path.resolve(script)).href);
