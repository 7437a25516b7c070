/**
 * The report's counters as a long table (section, node, field, value): every number and yes/no
 * of the run's report at the exported tick, from the totals (lost, duplicated, dead-lettered,
 * dropped, expired ... by reason) to each queue's and consumer's own. Long rather than wide, so
 * scenarios with different nodes give files of the same four columns. Example id lists
 * (duplicatedIds, lostIds) are not counters and are left out; they are in the trace.
 */
import type { CsvValue } from './csv';
import type { Table } from './metricsTable';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(v: unknown, path: string[], out: (path: string[], v: number | boolean) => void) {
  if (typeof v === 'number' || typeof v === 'boolean') return out(path, v);
  if (Array.isArray(v)) {
    if (/Ids$/.test(path.at(-1) ?? '')) return;
    v.forEach((x, i) => walk(x, [...path, String(i)], out));
    return;
  }
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k], out);
}

/**
 * `nodeIds`: a section's first key is a node when it is one of these (queues.orders.depth gives
 * section "queues", node "orders", field "depth"); otherwise the node column is empty.
 */
export function countersTable(report: unknown, nodeIds: ReadonlySet<string>): Table {
  const rows: CsvValue[][] = [];
  if (isRecord(report))
    for (const [section, v] of Object.entries(report)) {
      if (typeof v === 'string') continue;
      // Top-level numbers (seed, tick, simulatedMs) go under "run".
      if (typeof v === 'number' || typeof v === 'boolean') {
        rows.push(['run', '', section, v]);
        continue;
      }
      walk(v, [], (path, value) => {
        const node = path.length > 1 && nodeIds.has(path[0]!) ? path[0]! : '';
        const field = (node ? path.slice(1) : path).join('.');
        rows.push([section, node, field, value]);
      });
    }
  return { header: ['section', 'node', 'field', 'value'], rows };
}
