// Makes a codemod a jscodeshift transform: `npx jscodeshift -t <transform.js>`.
// The codemods edit text in place rather than reprinting an AST, so the
// adapter passes jscodeshift the file's text and hands back the new text.

import { splitByteOrderMark } from './file-style.js';
import type { Codemod } from './types.js';

interface FileInfo {
  readonly path: string;
  readonly source: string;
}

interface Api {
  readonly report: (message: string) => void;
}

/** jscodeshift's transform signature; returning undefined means "unchanged". */
export type JscodeshiftTransform = (file: FileInfo, api: Api) => string | undefined;

export function toJscodeshift(codemod: Codemod): JscodeshiftTransform {
  return (file, api) => {
    // jscodeshift reads files as UTF-8 and keeps a byte order mark in the text. The codemods work
    // on the text after it, as `unblock fix` hands it to them, and the mark is put back.
    const { bom, body } = splitByteOrderMark(file.source);
    const result = codemod.transform(body, { filePath: file.path });
    if (result.error) {
      // jscodeshift counts a thrown error as a failed file and moves on.
      throw new Error(`${codemod.name}: ${file.path}: ${result.error.message}`);
    }
    for (const site of result.left) api.report(`${file.path}:${site.line}:${site.column} ${site.api} left: ${site.reason ?? ''}`);
    return result.output === undefined ? undefined : bom + result.output;
  };
}
