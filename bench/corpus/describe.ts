// The corpus in one Markdown table: each service, its pinned commit and stack, and how many
// sites of each label it holds. bench/corpus/README.md carries this table, and a test keeps the
// two the same; `npm run corpus -- --describe` prints it.
import { isPositive, type Corpus, type Site } from './labels.js';

const COLUMNS: ReadonlyArray<readonly [string, (site: Site) => boolean]> = [
  ['sites', () => true],
  ['serving: direct', (site) => isPositive(site) && site.kind === 'direct'],
  ['serving: same-file helper', (site) => isPositive(site) && site.kind === 'same-file-helper'],
  ['serving: cross-module helper', (site) => isPositive(site) && site.kind === 'cross-module-helper'],
  ['harmless while serving', (site) => site.kind === 'negative' && site.when === 'serving'],
  ['start-up', (site) => site.when === 'startup'],
  ['dead', (site) => site.when === 'dead'],
  ['tooling', (site) => site.when === 'tooling'],
];

export function corpusTable(corpus: Corpus): string {
  const count = (sites: readonly Site[]): string[] => COLUMNS.map(([, pick]) => String(sites.filter(pick).length));
  const rows = corpus.repos.map((repo) => [
    `[${repo.repo}](https://github.com/${repo.repo})`,
    `\`${repo.commit.slice(0, 12)}\``,
    repo.stack,
    ...count(corpus.sites.filter((site) => site.repo === repo.repo)),
  ]);
  const header = ['service', 'commit', 'stack', ...COLUMNS.map(([name]) => name)];
  const total = ['**all**', '', '', ...count(corpus.sites).map((cell) => `**${cell}**`)];
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < 3 ? '---' : '---:'))), ...rows.map(line), line(total)].join('\n');
}
