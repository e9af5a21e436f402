// Generated and minified files are not code anyone on the team will change by hand, and one
// minified bundle of a few megabytes costs more to parse and analyse than a whole service (tens
// of seconds and gigabytes, for no finding). Names (`*.min.js`, `dist/`) catch most of them
// before they are read; this catches the rest by what they hold.

/** A line this long is not written by hand: minifiers put a whole bundle on a few lines. */
export const MINIFIED_LINE_LENGTH = 5_000;

/** How much of the start of a file a generator's banner must be in. */
const BANNER_WINDOW = 1_024;

/** What bundlers and code generators write at the top of their output. */
const BANNERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/@generated\b/, '`@generated`'],
  [/\bCode generated\b.*\bDO NOT EDIT\b/i, '"Code generated … DO NOT EDIT"'],
  [/\bauto-?generated\b|\bautomatically generated\b/i, '"auto-generated"'],
  [/webpackBootstrap/, 'webpack\'s bootstrap'],
  [/\/\*! For license information please see /, 'webpack\'s license banner'],
];

/** The source map comment bundlers and compilers end their output with. */
const SOURCE_MAP_COMMENT = /^[ \t]*\/\/[#@][ \t]*sourceMappingURL=\S+\s*$/m;

/** Why `text` looks generated or minified, in words for the summary; undefined for code that looks written by hand. */
export function generatedReason(text: string): string | undefined {
  const head = text.slice(0, BANNER_WINDOW);
  for (const [pattern, name] of BANNERS) if (pattern.test(head)) return `its header says it is generated (${name})`;
  // Only the end: a test may hold the comment in a string somewhere in the middle.
  if (SOURCE_MAP_COMMENT.test(text.slice(-BANNER_WINDOW))) return 'it ends with a sourceMappingURL comment (build output)';
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.length : end) - start;
    if (length >= MINIFIED_LINE_LENGTH) return `it looks minified (line ${line} is ${length.toLocaleString('en-US')} characters long)`;
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/** A file left out because of what it holds. */
export interface GeneratedFile {
  readonly file: string;
  readonly reason: string;
}

/** How many skipped files the note names before it says "and N more". */
const NAMED = 5;

/** The one note for every file skipped as generated, naming the flag that includes them. */
export function generatedNote(files: readonly GeneratedFile[], describe: (file: string) => string): string | undefined {
  if (files.length === 0) return undefined;
  const named = files.slice(0, NAMED).map((entry) => `  ${describe(entry.file)}: ${entry.reason}`);
  if (files.length > NAMED) named.push(`  … and ${files.length - NAMED} more`);
  const count = files.length === 1 ? '1 file' : `${files.length} files`;
  return [`unblock: skipped ${count} that look generated or minified (--include-generated reads them too):`, ...named].join('\n');
}
