/** A fenced code block of a Markdown document, with the headings it sits under. */
export interface CodeBlock {
  readonly language: string;
  /** `filename=pages/api/x.ts` in the info string, if any. */
  readonly filename?: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest heading of each level above the block: `{ 2: 'Examples', 3: '❌ Incorrect' }`. */
  readonly headings: Readonly<Record<number, string>>;
}

/** Headings and fenced code blocks, in document order; fences inside fences are not special. */
export function readMarkdown(text: string): { headings: Array<{ level: number; title: string }>; blocks: CodeBlock[] } {
  const headings: Array<{ level: number; title: string }> = [];
  const blocks: CodeBlock[] = [];
  const current: Record<number, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = /^```(\S*)\s*(.*)$/.exec(line);
    if (fence) {
      const start = index;
      const body: string[] = [];
      for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) body.push(lines[index]!);
      const filename = /filename=(\S+)/.exec(fence[2] ?? '')?.[1];
      blocks.push({ language: fence[1] ?? '', ...(filename ? { filename } : {}), code: body.join('\n'), line: start + 1, headings: { ...current } });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const title = heading[2]!.trim();
      headings.push({ level, title });
      current[level] = title;
      for (let deeper = level + 1; deeper <= 6; deeper++) delete current[deeper];
    }
  }
  return { headings, blocks };
}
