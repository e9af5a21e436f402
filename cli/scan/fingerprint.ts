// Names a finding by what it is rather than where it is: its rule, its file, the text of the line
// it starts on (trimmed) and which occurrence of that rule on a line with that text it is.
// Inserting or deleting lines elsewhere in the file leaves the name alone, so a baseline keeps
// matching and code scanning keeps de-duplicating alerts across commits.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { ESLint, Linter } from 'eslint';

export interface LocatedFinding {
  /** Absolute path of the file, as ESLint reports it. */
  readonly filePath: string;
  readonly ruleId: string;
  readonly message: Linter.LintMessage;
  /** The text of the line the finding starts on, without leading and trailing whitespace. */
  readonly lineText: string;
  /** 0 for the first finding of this rule in this file on a line with this text, 1 for the next, and so on. */
  readonly occurrence: number;
}

/** The line terminators ESLint counts lines by. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

const sha256 = (parts: readonly string[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** Every rule finding (not parse failures) of the results, in their order, with what names it. */
export async function locateFindings(results: readonly ESLint.LintResult[]): Promise<LocatedFinding[]> {
  const located: LocatedFinding[] = [];
  for (const result of results) {
    const messages = result.messages.filter((message): message is Linter.LintMessage & { ruleId: string } => !message.fatal && message.ruleId !== null);
    if (messages.length === 0) continue;
    // ESLint leaves `source` out of some results; the file on disk is what it linted.
    const source = result.source ?? (await readFile(result.filePath, 'utf8'));
    const lines = source.split(LINE_BREAK);
    const seen = new Map<string, number>();
    for (const message of messages) {
      const lineText = (lines[message.line - 1] ?? '').trim();
      const key = JSON.stringify([message.ruleId, lineText]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      located.push({ filePath: result.filePath, ruleId: message.ruleId, message, lineText, occurrence });
    }
  }
  return located;
}

/** The baseline's fingerprint: the line text and the occurrence. File and rule are keys of their own. */
export function lineFingerprint(finding: Pick<LocatedFinding, 'lineText' | 'occurrence'>): string {
  return sha256([finding.lineText, String(finding.occurrence)]).slice(0, 16);
}

/** SARIF's `partialFingerprints` value: rule, file (as the log names it), line text and occurrence. */
export function findingFingerprint(finding: Pick<LocatedFinding, 'ruleId' | 'lineText' | 'occurrence'>, file: string): string {
  return sha256([finding.ruleId, file, finding.lineText, String(finding.occurrence)]).slice(0, 32);
}
