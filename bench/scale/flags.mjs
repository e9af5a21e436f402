// Which options the built CLI has, read from its own --help: the scale bench measures flags that
// other branches are adding (`scan --concurrency`, `--cache`, `--cache-location`), and on a build
// without them it says "n/a (flag not available)" rather than failing on an unknown option.
import { execFileSync } from 'node:child_process';

/** The long options (`--dry`, `--cache`, …) that `node bin <command> --help` lists. */
export function optionsOf(bin, command) {
  const help = execFileSync(process.execPath, [bin, command, '--help'], { encoding: 'utf8' });
  // Only where an option is defined (`  -h, --help`, `  --cache-location <dir>`), not where prose names one.
  return new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)/gm)].map((match) => match[1]));
}

/** `{ scan, fix }`: the long options of each command. */
export function cliOptions(bin) {
  return { scan: optionsOf(bin, 'scan'), fix: optionsOf(bin, 'fix') };
}
