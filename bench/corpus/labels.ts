// The labelled corpus: which real services it reads (pinned), and one hand-written label per
// sync call site. Labels are data (labels.json); this module is their one reader, and checks
// them against a schema plus the rules a schema cannot say (sorted, unique, entries present).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Ajv, type SchemaObject } from 'ajv';

/** How the blocking call is reached from the code it runs in. */
export const KINDS = ['direct', 'same-file-helper', 'cross-module-helper', 'negative'] as const;
/** When the call runs. */
export const WHENS = ['serving', 'startup', 'tooling', 'dead'] as const;

export type Kind = (typeof KINDS)[number];
export type When = (typeof WHENS)[number];

export interface CorpusRepo {
  /** `owner/name` on GitHub. */
  readonly repo: string;
  /** The pinned commit, 40 hex digits. */
  readonly commit: string;
  /** Framework and language, e.g. "Express, CommonJS". */
  readonly stack: string;
  /** Paths (files or folders) inside the repository that are linted: its server code and its scripts. */
  readonly lint: readonly string[];
}

export interface Site {
  readonly repo: string;
  readonly commit: string;
  /** Path inside the repository, POSIX separators. */
  readonly file: string;
  readonly line: number;
  /** The blocking API as written in the catalog's terms, e.g. `fs.readFileSync`, `better-sqlite3 Statement.get`. */
  readonly api: string;
  readonly kind: Kind;
  readonly when: When;
  /**
   * `file:line` of the calls inside an async function or request handler through which a helper
   * site runs while serving (required for serving helper sites; optional for negatives).
   */
  readonly entries?: readonly string[];
  /** Why the label is what it is, in one line; doubt is recorded here. */
  readonly note: string;
}

export interface Corpus {
  readonly repos: readonly CorpusRepo[];
  readonly sites: readonly Site[];
}

const COMMIT = { type: 'string', pattern: '^[0-9a-f]{40}$' };
const REPO = { type: 'string', pattern: '^[A-Za-z0-9][\\w.-]*/[\\w.-]+$' };
const REPO_PATH = { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\\\)(?!.*(^|/)\\.\\.(/|$))' };

const SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['repos', 'sites'],
  properties: {
    repos: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['repo', 'commit', 'stack', 'lint'],
        properties: { repo: REPO, commit: COMMIT, stack: { type: 'string', minLength: 1 }, lint: { type: 'array', minItems: 1, items: REPO_PATH } },
      },
    },
    sites: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['repo', 'commit', 'file', 'line', 'api', 'kind', 'when', 'note'],
        properties: {
          repo: REPO,
          commit: COMMIT,
          file: REPO_PATH,
          line: { type: 'integer', minimum: 1 },
          api: { type: 'string', minLength: 1 },
          kind: { enum: [...KINDS] },
          when: { enum: [...WHENS] },
          entries: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^:]+:[1-9][0-9]*$' } },
          note: { type: 'string', minLength: 10 },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true }).compile<Corpus>(SCHEMA);

export const LABELS_FILE = path.join(import.meta.dirname, 'labels.json');

/** The labels, checked; throws one error that lists every problem found. */
export function loadCorpus(file = LABELS_FILE): Corpus {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const problems = corpusProblems(data);
  if (problems.length > 0) throw new Error(`${file}: the labels are not valid:\n  ${problems.join('\n  ')}`);
  return data as Corpus;
}

/** Every problem with `data` as a corpus, as sentences; empty when it is valid. */
export function corpusProblems(data: unknown): string[] {
  if (!validate(data)) return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`);
  const problems: string[] = [];
  const repos = new Map(data.repos.map((repo) => [repo.repo, repo]));
  if (repos.size !== data.repos.length) problems.push('a repository is listed twice');
  data.sites.forEach((site, index) => {
    const where = `sites[${index}] (${siteId(site)})`;
    const repo = repos.get(site.repo);
    if (!repo) problems.push(`${where}: repository ${site.repo} is not in repos`);
    else if (repo.commit !== site.commit) problems.push(`${where}: commit ${site.commit} is not the pinned ${repo.commit}`);
    else if (!repo.lint.some((root) => isUnder(site.file, root))) problems.push(`${where}: ${site.file} is outside the linted paths of ${site.repo}`);
    const helper = site.kind === 'same-file-helper' || site.kind === 'cross-module-helper';
    if (helper && site.when === 'serving' && !site.entries) problems.push(`${where}: a serving helper site needs its entry calls`);
    if (site.kind === 'direct' && site.entries) problems.push(`${where}: a direct site has no entry calls`);
    const entryFiles = (site.entries ?? []).map((entry) => parseEntry(entry).file);
    // A helper is "same-file" when some handler of its own file reaches it (it may have callers
    // elsewhere too), "cross-module" when only other modules do.
    if (site.kind === 'same-file-helper' && entryFiles.length > 0 && !entryFiles.includes(site.file)) problems.push(`${where}: a same-file helper needs an entry in its own file`);
    if (site.kind === 'cross-module-helper' && entryFiles.includes(site.file)) problems.push(`${where}: a cross-module helper's entries are all in other modules`);
    const previous = data.sites[index - 1];
    if (previous && compareSites(previous, site) >= 0) problems.push(`${where}: sites must be sorted by repo, file and line, without duplicates`);
  });
  return problems;
}

/** Whether a tool must report the site: it blocks the loop while the service serves requests. */
export function isPositive(site: Site): boolean {
  return site.when === 'serving' && site.kind !== 'negative';
}

/** `owner/name path:line api`, how a site is named in output. */
export function siteId(site: Pick<Site, 'repo' | 'file' | 'line' | 'api'>): string {
  return `${site.repo} ${site.file}:${site.line} ${site.api}`;
}

export function parseEntry(entry: string): { file: string; line: number } {
  const colon = entry.lastIndexOf(':');
  return { file: entry.slice(0, colon), line: Number(entry.slice(colon + 1)) };
}

function compareSites(a: Site, b: Site): number {
  return a.repo.localeCompare(b.repo, 'en') || a.file.localeCompare(b.file, 'en') || a.line - b.line || a.api.localeCompare(b.api, 'en');
}

function isUnder(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith('/') ? root : `${root}/`);
}
