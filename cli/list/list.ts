import { ALL_APIS } from '../../analysis/catalog/index.js';
import { describeFix } from '../../analysis/messages.js';
import { rules } from '../../rules/all-rules.js';
import { recommendedRules } from '../../rules/configs.js';

export interface ListOptions {
  readonly apis?: boolean;
  readonly json?: boolean;
}

interface Row {
  readonly [column: string]: string;
}

function table(rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map((row) => line(columns.map((column) => row[column]!)))].join('\n') + '\n';
}

/** `unblock list`: the rules (and with `--apis`, every blocking API the catalog knows). */
export function list(options: ListOptions): string {
  const ruleRows = Object.entries(rules).map(([name, rule]) => ({
    rule: `unblock/${name}`,
    recommended: `unblock/${name}` in recommendedRules ? 'yes' : 'no',
    description: rule.meta.docs?.description ?? '',
  }));
  const apiRows = ALL_APIS.map((entry) => ({
    api: entry.id,
    family: entry.family,
    severity: entry.severity,
    fix: describeFix(entry, 'modules' in entry ? entry.modules[0] : undefined),
  }));
  if (options.json) return `${JSON.stringify({ rules: ruleRows, ...(options.apis ? { apis: apiRows } : {}) }, null, 2)}\n`;
  let text = `Rules\n\n${table(ruleRows)}`;
  if (options.apis) text += `\nBlocking APIs (${apiRows.length})\n\n${table(apiRows)}`;
  return text;
}
