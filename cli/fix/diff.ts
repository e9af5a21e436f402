// The unified diff `unblock fix --dry` prints: a/ and b/ prefixes and paths
// relative to the working directory, so `git apply` (or `patch -p1`) takes it.

import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export function unifiedDiff(relativePath: string, before: string, after: string): string {
  const name = relativePath.split('\\').join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
