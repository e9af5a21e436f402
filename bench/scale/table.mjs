// The scale bench's table: one row per tree and mode, wall time and peak RSS each with two ratios,
// to the same mode on the smallest generated tree (how it grows) and to `scan (1 thread)` on the
// same tree (what the mode costs or saves). Ratios are what to compare across runs and machines;
// the absolute figures are there to read the ratios by.
import { BASELINE } from './modes.mjs';

const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

/**
 * `results`: `{ tree, files, generated, mode, na?, seconds, rssMiB, found }` rows. Returns the
 * table's rows of cells, header first. A mode not run (`na`, e.g. "n/a (flag not available: …)")
 * says why in the last column.
 */
export function tableRows(results) {
  const smallest = Math.min(...results.filter((row) => row.generated).map((row) => row.files));
  // Ratios only between runs that completed: a crash's time and memory are where it stopped.
  const find = (predicate) => results.find((row) => !row.na && !row.crashed && predicate(row));
  const header = ['tree', 'files', 'mode', 'time s', '× smallest', '× scan', 'peak RSS MiB', '× smallest', '× scan', 'reported'];
  const rows = results.map((row) => {
    if (row.na) return [row.tree, String(row.files), row.mode, 'n/a', '', '', 'n/a', '', '', row.na];
    const first = row.generated && !row.crashed ? find((other) => other.generated && other.files === smallest && other.mode === row.mode) : undefined;
    const base = row.crashed ? undefined : find((other) => other.tree === row.tree && other.files === row.files && other.mode === BASELINE);
    return [
      row.tree,
      String(row.files),
      row.mode,
      row.seconds.toFixed(1),
      first ? times(row.seconds / first.seconds) : '—',
      base ? times(row.seconds / base.seconds) : '—',
      row.rssMiB.toFixed(0),
      first ? times(row.rssMiB / first.rssMiB) : '—',
      base ? times(row.rssMiB / base.rssMiB) : '—',
      row.found,
    ];
  });
  return [header, ...rows];
}

/** The rows as aligned text (numbers right-aligned), or as a Markdown table with `markdown`. */
export function formatTable(cells, { markdown = false } = {}) {
  const numeric = (i) => i === 1 || (i >= 3 && i <= 8);
  if (markdown) {
    const line = (row) => `| ${row.join(' | ')} |`;
    return [line(cells[0]), line(cells[0].map((_, i) => (numeric(i) ? '---:' : '---'))), ...cells.slice(1).map(line)].join('\n');
  }
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (numeric(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
