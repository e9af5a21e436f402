// What a cached answer remembers of a file to know it is still true: its size and mtime, as
// import-x's ExportMap does. An editor that saves a helper changes one or the other.

export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
