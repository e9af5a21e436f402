// Splits a traced process's stderr into the `--trace-sync-io` warnings and
// everything else, which passes through as it arrives.
//
// Node writes each warning with fprintf, line by line, as
//   (node:1234) WARNING: Detected use of sync API
//       at openSync (node:fs:573:18)
//       …
//   <empty line>
// and processes sharing the pipe may interleave their lines; a block ends at
// its empty line or at the first line that is not a frame.

import { parseFrameLine, type StackFrame } from './frames.js';

export interface SyncWarning {
  readonly pid: number;
  readonly frames: readonly StackFrame[];
}

const HEADER = /^\(node:(\d+)[^)]*\) WARNING: Detected use of sync API\s*$/;
const HEADER_START = '(node:';

export class TraceStderrFilter {
  private pending = '';
  private block: { pid: number; frames: StackFrame[] } | undefined;
  private readonly passThrough: (text: string) => void;
  private readonly onWarning: (warning: SyncWarning) => void;

  constructor(passThrough: (text: string) => void, onWarning: (warning: SyncWarning) => void) {
    this.passThrough = passThrough;
    this.onWarning = onWarning;
  }

  write(chunk: string): void {
    const text = this.pending + chunk;
    const lines = text.split('\n');
    this.pending = lines.pop()!;
    let out = '';
    for (const line of lines) out += this.line(line);
    // A partial line that cannot become part of a warning goes out now (a prompt, a progress bar).
    if (this.pending !== '' && !this.mayBeTrace(this.pending)) {
      out += this.pending;
      this.pending = '';
    }
    if (out !== '') this.passThrough(out);
  }

  /** Flushes what is left when the stream closes. */
  end(): void {
    let out = '';
    if (this.pending !== '') {
      // The last line had no newline: pass it on without one.
      out = this.line(this.pending).replace(/\n$/, '');
      this.pending = '';
    }
    this.closeBlock();
    if (out !== '') this.passThrough(out);
  }

  /** Handles one complete line; returns what to pass through. */
  private line(raw: string): string {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const header = HEADER.exec(line);
    if (header) {
      this.closeBlock();
      this.block = { pid: Number(header[1]), frames: [] };
      return '';
    }
    if (this.block) {
      const frame = parseFrameLine(line);
      if (frame) {
        this.block.frames.push(frame);
        return '';
      }
      this.closeBlock();
      if (line === '') return '';
    }
    return `${raw}\n`;
  }

  private closeBlock(): void {
    if (!this.block) return;
    const { pid, frames } = this.block;
    this.block = undefined;
    this.onWarning({ pid, frames });
  }

  private mayBeTrace(partial: string): boolean {
    return this.block !== undefined || HEADER_START.startsWith(partial) || partial.startsWith(HEADER_START);
  }
}
