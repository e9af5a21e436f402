// Plain-text table output; numbers are right-aligned so ratios line up.

export function printTable(title, columns, rows) {
  const cells = [columns, ...rows.map((row) => row.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 || i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const ratio = (value, base) => `${fixed(value / base, 2)}×`;
