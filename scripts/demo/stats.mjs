// Percentiles and the text table.

/** Nearest-rank percentile of the finite values; NaN when there are none. */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** "0.84 ms", "12.3 ms", "412 ms", "2.31 s": three significant digits at most. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatRate(perSecond) {
  return Number.isFinite(perSecond) ? `${perSecond.toFixed(1)} req/s` : '—';
}

/**
 * A plain-text table. `align` has one letter per column, `l` or `r`; by default the first column
 * is left-aligned and the others, figures, right-aligned.
 */
export function textTable(header, rows, align = header.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (align[i] === 'l' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('   ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('   '), ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}
