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
