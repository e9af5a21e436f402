// The labelled corpus's matching rule and label checks, without the snapshots: which report finds
// which site, which is a false alarm, and what the labels file must hold.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { corpusTable } from '../../bench/corpus/describe.js';
import { corpusProblems, loadCorpus, type Site } from '../../bench/corpus/labels.js';
import { messageNamesSite, startOfCall, unlabelledReports, type Report } from '../../bench/corpus/match.js';
import { score } from '../../bench/corpus/tally.js';
import { readMarkdown } from '../helpers/markdown.js';

const REPO = 'someone/service';
const COMMIT = 'a'.repeat(40);

function site(overrides: Partial<Site> & Pick<Site, 'file' | 'line' | 'kind' | 'when'>): Site {
  return { repo: REPO, commit: COMMIT, api: 'fs.readFileSync', note: 'a site made up for the test', ...overrides };
}

function report(tool: Report['tool'], file: string, line: number, message = 'blocks'): Report {
  return { tool, repo: REPO, file, line, ruleId: tool === 'unblock' ? 'unblock/no-transitive-blocking' : 'n/no-sync', message };
}

const direct = site({ file: 'src/routes.js', line: 10, kind: 'direct', when: 'serving' });
const helper = site({ file: 'src/lib/config.js', line: 4, kind: 'cross-module-helper', when: 'serving', entries: ['src/routes.js:20'] });
const startupHelper = site({ file: 'src/lib/config.js', line: 8, kind: 'cross-module-helper', when: 'startup', entries: ['src/server.js:3'] });
const cacheFill = site({ file: 'src/lib/cache.js', line: 5, kind: 'negative', when: 'serving' });
const deadCode = site({ file: 'src/old.js', line: 2, kind: 'direct', when: 'dead' });
const script = site({ file: 'scripts/build.js', line: 1, kind: 'direct', when: 'tooling' });
const sites = [direct, helper, startupHelper, cacheFill, deadCode, script];

describe('matching reports to labelled sites', () => {
  it('finds a helper site through its entry call for unblock, but only at the site for n/no-sync', () => {
    const reports = [report('unblock', 'src/routes.js', 20, 'about another line entirely (line 99)'), report('n/no-sync', 'src/routes.js', 20)];
    const { missed } = score(sites, reports);
    expect(missed.unblock).not.toContain(helper);
    expect(missed['n/no-sync']).toContain(helper);
  });

  it('counts a report at a negative site itself as a false alarm, for either tool', () => {
    const reports = [report('unblock', 'src/lib/cache.js', 5), report('n/no-sync', 'src/lib/cache.js', 5)];
    const { falseAlarms } = score(sites, reports);
    expect(falseAlarms.unblock.map((alarm) => alarm.site)).toEqual([cacheFill]);
    expect(falseAlarms['n/no-sync'].map((alarm) => alarm.site)).toEqual([cacheFill]);
  });

  it('counts a report anywhere whose chain names a site: found for a serving site, a false alarm for a negative', () => {
    const elsewhere = 'src/other.js';
    const { missed, falseAlarms } = score(sites, [
      report('unblock', elsewhere, 7, 'x → fs.readFileSync (line 4 of lib/config.js); use …'),
      report('unblock', 'src/routes.js', 8, 'y → fs.readFileSync (line 5 of lib/cache.js); use …'),
    ]);
    expect(missed.unblock).not.toContain(helper);
    expect(falseAlarms.unblock.map((alarm) => alarm.site)).toEqual([cacheFill]);
  });

  it('blames a start-up helper for a report at its entry call only when the message names its line', () => {
    const naming = score(sites, [report('unblock', 'src/server.js', 3, '`load` blocks the event loop: load → fs.readFileSync (line 8 of lib/config.js); use …')]);
    expect(naming.falseAlarms.unblock.map((alarm) => alarm.site)).toEqual([startupHelper]);
    const other = score(sites, [report('unblock', 'src/server.js', 3, '`load` blocks the event loop: load → fs.readFileSync (line 4 of lib/config.js); use …')]);
    expect(other.falseAlarms.unblock).toEqual([]);
  });

  it('fills the table: recall per kind, server negatives with start-up and dead code, tooling apart', () => {
    const reports = [
      report('unblock', 'src/routes.js', 10),
      report('unblock', 'src/old.js', 2),
      report('n/no-sync', 'src/routes.js', 10),
      report('n/no-sync', 'src/lib/config.js', 4),
      report('n/no-sync', 'src/lib/config.js', 8),
      report('n/no-sync', 'scripts/build.js', 1),
    ];
    const rows = Object.fromEntries(score(sites, reports).rows.map((row) => [row.group.trim(), row]));
    expect(rows['serving, direct']).toMatchObject({ sites: 1, matched: { unblock: 1, 'n/no-sync': 1 }, target: '≥ 0.95' });
    expect(rows['serving, helper in another module']).toMatchObject({ sites: 1, matched: { unblock: 0, 'n/no-sync': 1 } });
    expect(rows['serving, through helpers (both)']).toMatchObject({ sites: 1, matched: { unblock: 0, 'n/no-sync': 1 } });
    expect(rows['server negatives (all below)']).toMatchObject({ sites: 3, matched: { unblock: 1, 'n/no-sync': 1 }, target: '≤ 0.05' });
    expect(rows['dead code']).toMatchObject({ sites: 1, matched: { unblock: 1, 'n/no-sync': 0 } });
    expect(rows['tooling (scripts, tests)']).toMatchObject({ sites: 1, matched: { unblock: 0, 'n/no-sync': 1 } });
  });

  it('accepts a report at the start of a call whose method name is on a later line', () => {
    const lines = ['const files = fs', '  .readdirSync(dir)', '  ?.filter(keep);'];
    expect(startOfCall(lines, 2)).toBe(1);
    expect(startOfCall(lines, 1)).toBe(1);
    const chained = site({ file: 'src/routes.js', line: 31, kind: 'direct', when: 'serving' });
    const startOf = (_repo: string, _file: string, line: number) => (line === 31 ? 30 : line);
    expect(score([chained], [report('unblock', 'src/routes.js', 30)], startOf).missed.unblock).toEqual([]);
    expect(score([chained], [report('unblock', 'src/routes.js', 30)]).missed.unblock).toEqual([chained]);
  });

  it('lists the reports that sit on no labelled site or entry call and name no labelled site', () => {
    const stray = report('unblock', 'src/routes.js', 44, 'z → fs.readFileSync (line 9 of lib/config.js)');
    const naming = report('unblock', 'src/routes.js', 45, 'z → fs.readFileSync (line 4 of lib/config.js)');
    expect(unlabelledReports(sites, [report('unblock', 'src/routes.js', 20), naming, stray])).toEqual([stray]);
  });
});

describe('a chain message names a site', () => {
  it('by line alone within the reporting file', () => {
    expect(messageNamesSite({ file: 'a.js', message: 'x → fs.readFileSync (line 12); use …' }, { file: 'a.js', line: 12 })).toBe(true);
    expect(messageNamesSite({ file: 'a.js', message: 'x → fs.readFileSync (line 12); use …' }, { file: 'b.js', line: 12 })).toBe(false);
  });

  it('by line and a path relative to the reporting file, or a trailing part of the path', () => {
    const message = 'load → fs.readFileSync (line 12 of ../lib/config.js); use …';
    expect(messageNamesSite({ file: 'src/routes/users.js', message }, { file: 'src/lib/config.js', line: 12 })).toBe(true);
    expect(messageNamesSite({ file: 'src/routes/users.js', message }, { file: 'src/lib/config.js', line: 13 })).toBe(false);
    const fromRoot = 'load → fs.readFileSync (line 12 of lib/config.js); use …';
    expect(messageNamesSite({ file: 'server/index.js', message: fromRoot }, { file: 'server/lib/config.js', line: 12 })).toBe(true);
    expect(messageNamesSite({ file: 'server/index.js', message: fromRoot }, { file: 'server/lib/other.js', line: 12 })).toBe(false);
  });
});

describe('label checks', () => {
  const repos = [{ repo: REPO, commit: COMMIT, stack: 'Express', lint: ['src'] }];

  it('accepts sorted, complete labels', () => {
    expect(corpusProblems({ repos, sites: [helper, direct] })).toEqual([]);
  });

  it('names each problem: unsorted, a serving helper without entries, a wrong commit, a path outside the linted ones', () => {
    const problems = corpusProblems({
      repos,
      sites: [
        direct,
        helper,
        site({ file: 'src/x1.js', line: 1, kind: 'same-file-helper', when: 'serving' }),
        site({ file: 'src/x2.js', line: 1, kind: 'direct', when: 'serving', commit: 'b'.repeat(40) }),
        site({ file: 'test/c.js', line: 1, kind: 'direct', when: 'tooling' }),
      ],
    });
    expect(problems).toEqual([
      expect.stringContaining('sorted'),
      expect.stringContaining('needs its entry calls'),
      expect.stringContaining('is not the pinned'),
      expect.stringContaining('outside the linted paths'),
    ]);
  });

  it('rejects unknown kinds and missing fields through the schema, naming the field', () => {
    const problems = corpusProblems({ repos, sites: [{ ...direct, kind: 'indirect' }, { ...direct, note: undefined }] });
    expect(problems.join('\n')).toMatch(/\/sites\/0\/kind/);
    expect(problems.join('\n')).toMatch(/\/sites\/1 must have required property 'note'/);
  });
});

describe('bench/corpus/labels.json', () => {
  const corpus = loadCorpus();

  it('holds at least 150 sites from at least 8 services of different authors', () => {
    expect(corpus.sites.length).toBeGreaterThanOrEqual(150);
    const owners = new Set(corpus.repos.map((repo) => repo.repo.split('/')[0]));
    expect(owners.size).toBeGreaterThanOrEqual(8);
    for (const repo of corpus.repos) expect(corpus.sites.some((label) => label.repo === repo.repo), repo.repo).toBe(true);
  });

  it('mixes serving sites of every kind with at least 20 server negatives', () => {
    const serving = corpus.sites.filter((label) => label.when === 'serving' && label.kind !== 'negative');
    for (const kind of ['direct', 'same-file-helper', 'cross-module-helper'] as const) expect(serving.filter((label) => label.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
    const serverNegatives = corpus.sites.filter((label) => label.when !== 'tooling' && (label.when !== 'serving' || label.kind === 'negative'));
    expect(serverNegatives.length).toBeGreaterThanOrEqual(20);
  });
});

describe('bench/corpus/README.md', () => {
  const corpus = loadCorpus();
  const readme = readFileSync(path.join(import.meta.dirname, '../../bench/corpus/README.md'), 'utf8');

  it('carries the table of labels.json (npm run corpus -- --describe prints it)', () => {
    const table = /<!-- corpus-table[^\n]*-->\n([\s\S]*?)\n<!-- \/corpus-table -->/.exec(readme)?.[1];
    expect(table).toBe(corpusTable(corpus));
  });

  it('states the number of sites', () => {
    expect(readme).toContain(`**${corpus.sites.length} hand-labelled sync call sites**`);
  });

  it('shows a label that is in labels.json', () => {
    const example = readMarkdown(readme).blocks.find((block) => block.language === 'json');
    expect(corpus.sites).toContainEqual(JSON.parse(example!.code));
  });
});
