// The fallback of measure.mjs where GNU time is missing: runs a Node script in this very process,
// as if started as `node script args…`, and writes this process's peak RSS (KiB) to a file when
// it exits, however it exits (a CLI ends with process.exit, or by setting exitCode).
//
//   node rss-wrapper.mjs <report file> <script> args…
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [report, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => writeFileSync(report, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(path.resolve(script)).href);
