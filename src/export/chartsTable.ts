/**
 * The numbers behind every chart the page draws, whatever the scenario holds (queues, topics,
 * services): one row per point of each line up to the current time, in long form, so a
 * spreadsheet can pivot it. A gap in a line (a bucket where nothing ended) is an empty value.
 */
import type { CsvValue } from './csv';
import type { Table } from './metricsTable';

export interface ChartExport {
  kind: string;
  lines: { id: string; label: string; points: readonly (readonly [number, number | null])[] }[];
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

export function chartsTable(charts: readonly ChartExport[]): Table {
  const rows: CsvValue[][] = [];
  for (const c of charts)
    for (const line of c.lines)
      for (const [x, y] of line.points)
        rows.push([c.kind, line.id, line.label, round(x), round(y)]);
  return { header: ['chart', 'line', 'label', 'time_s', 'value'], rows };
}
