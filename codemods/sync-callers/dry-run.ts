// Before a helper with blocking calls of its own becomes async, the async-api
// codemod is asked, on a copy of its file with just that function marked
// async, whether it would rewrite every one of those calls. Only then does
// making the helper async stop it blocking.

import { asyncApi } from '../async-api/transform.js';
import type { FunctionInfo } from './functions.js';

/** Why async-api would not fully rewrite `info`'s own blocking calls once it is async, or undefined. */
export function dryRunBlocker(info: FunctionInfo): string | undefined {
  const { text, path } = info.file;
  const start = info.estree.range[0];
  const probe = `${text.slice(0, start)}async ${text.slice(start)}`;
  const result = asyncApi.transform(probe, { filePath: path });
  if (result.error) return `the async-api codemod cannot rewrite \`${info.name}\`'s file: ${result.error.message}`;
  const first = info.estree.loc.start.line;
  const last = info.estree.loc.end.line;
  const inside = (site: { line: number }): boolean => site.line >= first && site.line <= last;
  const left = result.left.find(inside);
  if (left) return `\`${info.name}\` calls \`${left.api}\` (line ${left.line}), which the async-api codemod would leave: ${left.reason ?? 'no reason given'}`;
  if (!result.fixed.some(inside)) return `the async-api codemod has no async form for the blocking call in \`${info.name}\``;
  return undefined;
}
