/**
 * Plain-text tables, columns two spaces apart: the first column left-aligned, the others
 * right-aligned (numbers), unless `leftColumns` says how many leading columns are text.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < leftColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** A count: an integer as is. */
export const int = (n: number): string => String(n);

/** A measured quantity with a fixed number of decimals (ms, msg/s, depth). */
export const num = (n: number, digits = 2): string => n.toFixed(digits);

/** A fraction as a percentage. */
export const pct = (f: number): string => `${(f * 100).toFixed(1)} %`;

/** Column groups over a table: a title centred in dashes above the columns it spans. */
export interface ColumnGroup {
  title: string;
  /** Index of the first column of the group, and how many columns it spans. */
  first: number;
  span: number;
}

/** renderTable with one more header line above it naming groups of columns. */
export function renderGroupedTable(
  groups: readonly ColumnGroup[],
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string[] {
  const table = renderTable(headers, rows, leftColumns);
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const start = (c: number) => widths.slice(0, c).reduce((sum, w) => sum + w + 2, 0);
  let line = '';
  for (const g of groups) {
    const from = start(g.first);
    const width = start(g.first + g.span) - 2 - from;
    const title = ` ${g.title} `;
    const left = Math.max(0, Math.floor((width - title.length) / 2));
    const right = Math.max(0, width - title.length - left);
    line = line.padEnd(from) + '-'.repeat(left) + title + '-'.repeat(right);
  }
  return [line.trimEnd(), ...table];
}
