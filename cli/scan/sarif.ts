// `unblock scan --format sarif`: a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif and
// any other SARIF consumer). One run; the driver lists every rule of the plugin; each finding is a
// result whose location is relative to the working directory (uriBaseId %SRCROOT%) and whose
// partial fingerprint survives lines being added or removed elsewhere in the file. Files that could
// not be parsed, and paths that do not exist, become notifications of the invocation.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { rules } from '../../rules/all-rules.js';
import { VERSION } from '../../rules/version.js';
import { findingFingerprint, type LocatedFinding } from './fingerprint.js';
import { recommendedScanRules } from './recommended-rules.js';
import { scanExitCode, type ScanReport } from './scan.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/unblock-dev/unblock';
/** The uriBaseId of every relative location: the directory the scan ran in. */
export const SOURCE_ROOT = '%SRCROOT%';
/** The key of each result's partialFingerprints entry; the version changes if the recipe does. */
export const FINGERPRINT_KEY = 'unblockFindingHash/v1';

interface SarifText {
  readonly text: string;
}

interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
    readonly region?: SarifRegion;
  };
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: SarifText;
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: 'error'; readonly enabled: boolean };
  readonly properties: { readonly tags: readonly string[] };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: 'error';
  readonly message: SarifText;
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

export interface SarifNotification {
  readonly level: 'error' | 'warning';
  readonly message: SarifText;
  readonly descriptor: { readonly id: string };
  readonly locations?: readonly SarifLocation[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: {
        readonly driver: {
          readonly name: 'unblock';
          readonly version: string;
          readonly semanticVersion: string;
          readonly informationUri: string;
          readonly rules: readonly SarifRule[];
          readonly notifications: ReadonlyArray<{ readonly id: string; readonly shortDescription: SarifText }>;
        };
      };
      readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
      readonly invocations: readonly [
        {
          readonly executionSuccessful: boolean;
          readonly exitCode: number;
          readonly toolExecutionNotifications: readonly SarifNotification[];
        },
      ];
      readonly columnKind: 'utf16CodeUnits';
      readonly results: readonly SarifResult[];
    },
  ];
}

const NOTIFICATIONS = [
  { id: 'parse-error', shortDescription: { text: 'A file could not be parsed, so it was not checked.' } },
  { id: 'read-error', shortDescription: { text: 'A file could not be read (permissions), so it was not checked.' } },
  { id: 'path-not-found', shortDescription: { text: 'A path given on the command line does not exist.' } },
  { id: 'not-source', shortDescription: { text: 'A file given on the command line is not JavaScript or TypeScript.' } },
  { id: 'generated', shortDescription: { text: 'A file looks generated or minified, so it was not checked (--include-generated checks it).' } },
];

/** Every rule of the plugin, in a fixed order; ruleIndex points into this list. */
export function sarifRules(): SarifRule[] {
  const enabled = recommendedScanRules();
  return Object.entries(rules).map(([name, rule]) => ({
    id: `unblock/${name}`,
    name,
    shortDescription: { text: rule.meta.docs?.description ?? name },
    helpUri: rule.meta.docs?.url ?? INFORMATION_URI,
    defaultConfiguration: { level: 'error', enabled: `unblock/${name}` in enabled },
    properties: { tags: ['performance', 'event-loop'] },
  }));
}

/**
 * Where a file is, as SARIF wants it: relative to the working directory with forward slashes and
 * each segment percent-encoded; a file outside it gets an absolute file: URI instead.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (outside) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function region(line: number, column: number, endLine?: number, endColumn?: number): SarifRegion {
  // ESLint's columns are 1-based UTF-16 code units and its end column is exclusive: SARIF's own convention.
  return {
    startLine: Math.max(line, 1),
    startColumn: Math.max(column, 1),
    ...(endLine !== undefined && endColumn !== undefined ? { endLine, endColumn } : {}),
  };
}

function result(finding: LocatedFinding, ruleIndex: ReadonlyMap<string, number>, cwd: string): SarifResult {
  const location = artifactLocation(finding.filePath, cwd);
  const { message } = finding;
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: 'error',
    message: { text: message.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(message.line, message.column, message.endLine, message.endColumn) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(finding, location.uri) },
  };
}

/** The report as a SARIF 2.1.0 log. */
export function sarifLog(report: ScanReport, cwd: string): SarifLog {
  const driverRules = sarifRules();
  const ruleIndex = new Map(driverRules.map((rule, index) => [rule.id, index]));
  const notifications: SarifNotification[] = [
    ...report.parseFailures.map(
      (failure): SarifNotification => ({
        level: 'error',
        message: { text: `Could not parse the file: ${failure.message}` },
        descriptor: { id: 'parse-error' },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.file, cwd), region: region(failure.line, failure.column) } }],
      }),
    ),
    ...report.unreadable.map(
      (failure): SarifNotification => ({
        level: 'error',
        message: { text: `Could not read the file: ${failure.message}` },
        descriptor: { id: 'read-error' },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.file, cwd) } }],
      }),
    ),
    ...report.generated.map(
      (entry): SarifNotification => ({
        level: 'warning',
        message: { text: `Skipped: ${entry.reason}` },
        descriptor: { id: 'generated' },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(entry.file, cwd) } }],
      }),
    ),
    ...report.missing.map((input): SarifNotification => ({ level: 'error', message: { text: `Path not found: ${input}` }, descriptor: { id: 'path-not-found' } })),
    ...report.skipped.map((input): SarifNotification => ({ level: 'warning', message: { text: `Skipped ${input}: not a JavaScript or TypeScript file` }, descriptor: { id: 'not-source' } })),
  ];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'unblock', version: VERSION, semanticVersion: VERSION, informationUri: INFORMATION_URI, rules: driverRules, notifications: NOTIFICATIONS },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(path.join(path.resolve(cwd), path.sep)).href } },
        invocations: [
          {
            executionSuccessful: report.parseFailures.length === 0 && report.unreadable.length === 0 && report.missing.length === 0,
            exitCode: scanExitCode(report),
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: report.located.map((finding) => result(finding, ruleIndex, cwd)),
      },
    ],
  };
}
