/**
 * The compare view's table: rows of numbers read from the two runs' reports at the same tick.
 * Two designs with services (the sync-vs-async comparisons) get the engine's section-6 table
 * (compareTable); any other pair gets a generic set that every broker has. Each row says which
 * side is better where that is clear, and where on the page its number comes from (a chart and
 * its series, or a panel), so the view can link to it.
 */
import { compareTable, type LatencySummary, type RunReport } from '../engine';
import { fateTotals } from '../ui/fateTotals';

export const PANES = ['left', 'right'] as const;
export type Pane = (typeof PANES)[number];

export type ChartTarget = 'depth' | 'throughput' | 'orders' | 'inFlight' | 'busy' | 'latency';
export type PanelTarget = 'counters' | 'fates' | 'ledger' | 'flow' | 'groups';

/** Where a number is shown in its pane: a chart (and the series to highlight), or a panel. */
export type RowSource =
  { chart: ChartTarget; series: string | null } | { panel: PanelTarget; item?: string };

export type Better = 'lower' | 'higher' | 'none';

export interface SideNumbers {
  report: RunReport;
  /** Merged end-to-end latency (engineAccess.endToEndLatency), null before any. */
  latency: LatencySummary | null;
}

export interface TableRow {
  id: string;
  group: string;
  label: string;
  unit: string;
  better: Better;
  values: Record<Pane, number | string | null>;
  /** The better side, when both are numbers, they differ, and "better" has a direction. */
  best: Pane | null;
  source: Record<Pane, RowSource | null>;
}

const sum = <T>(items: Record<string, T>, f: (item: T) => number) =>
  Object.values(items).reduce((n, item) => n + f(item), 0);

const fate = (r: RunReport, id: string) => fateTotals(r).find((f) => f.id === id)?.value ?? 0;

/** The queue that was deepest (its depth line is the one to show), or null. */
function deepest(r: RunReport): { id: string; depthMax: number } | null {
  let best: { id: string; depthMax: number } | null = null;
  for (const [id, q] of Object.entries(r.queues))
    if (!best || q.depthMax > best.depthMax) best = { id, depthMax: q.depthMax };
  return best;
}

const hasQueues = (r: RunReport) => Object.keys(r.queues).length > 0;
const hasGroups = (r: RunReport) => Object.keys(r.groups).length > 0;

type Value = number | string | null;
type Generic = {
  id: string;
  group: string;
  label: string;
  unit: string;
  better: Better;
  value(s: SideNumbers): Value;
  source(s: SideNumbers): RowSource | null;
};

const chartIfQueues =
  (chart: ChartTarget, series: string | null, otherwise: RowSource | null = null) =>
  (s: SideNumbers): RowSource | null =>
    hasQueues(s.report) ? { chart, series } : otherwise;

const GENERIC: Generic[] = [
  {
    id: 'published',
    group: 'Volume',
    label: 'Published',
    unit: 'messages',
    better: 'none',
    value: (s) => s.report.totals.published,
    source: (s) => (hasQueues(s.report) ? { panel: 'counters', item: 'published' } : null),
  },
  {
    id: 'delivered',
    group: 'Volume',
    label: 'Delivered / processed',
    unit: 'messages',
    better: 'none',
    value: (s) => s.report.totals.delivered + sum(s.report.groups, (g) => g.processed),
    source: (s) =>
      hasQueues(s.report)
        ? { panel: 'counters', item: 'delivered' }
        : hasGroups(s.report)
          ? { chart: 'throughput', series: 'records' }
          : null,
  },
  {
    id: 'acked',
    group: 'Volume',
    label: 'Acked',
    unit: 'messages',
    better: 'higher',
    value: (s) => s.report.totals.acked,
    source: chartIfQueues('throughput', 'total'),
  },
  {
    id: 'inFlight',
    group: 'Volume',
    label: 'In flight now',
    unit: 'messages',
    better: 'none',
    value: (s) => s.report.totals.inFlight,
    source: chartIfQueues('inFlight', 'inflight'),
  },
  {
    id: 'p50',
    group: 'Latency',
    label: 'End-to-end latency, p50',
    unit: 'ms',
    better: 'lower',
    value: (s) => s.latency?.p50 ?? null,
    source: (s) =>
      hasQueues(s.report) || hasGroups(s.report) ? { chart: 'latency', series: 'p50' } : null,
  },
  {
    id: 'p99',
    group: 'Latency',
    label: 'End-to-end latency, p99',
    unit: 'ms',
    better: 'lower',
    value: (s) => s.latency?.p99 ?? null,
    source: (s) =>
      hasQueues(s.report) || hasGroups(s.report) ? { chart: 'latency', series: 'p99' } : null,
  },
  {
    id: 'depthMax',
    group: 'Backlog',
    label: 'Deepest queue, most ready',
    unit: 'messages',
    better: 'lower',
    value: (s) => (hasQueues(s.report) ? (deepest(s.report)?.depthMax ?? 0) : null),
    source: (s) =>
      hasQueues(s.report) ? { chart: 'depth', series: deepest(s.report)?.id ?? null } : null,
  },
  {
    id: 'lag',
    group: 'Backlog',
    label: 'Consumer-group lag now',
    unit: 'records',
    better: 'lower',
    value: (s) => (hasGroups(s.report) ? sum(s.report.groups, (g) => g.totalLag) : null),
    source: (s) => (hasGroups(s.report) ? { chart: 'depth', series: 'lag' } : null),
  },
  {
    id: 'lost',
    group: 'What went wrong',
    label: 'Lost',
    unit: 'messages',
    better: 'lower',
    value: (s) => fate(s.report, 'lost') + sum(s.report.groups, (g) => g.ledger.lost),
    source: (s) => (hasQueues(s.report) ? { panel: 'fates', item: 'lost' } : { panel: 'groups' }),
  },
  {
    id: 'duplicated',
    group: 'What went wrong',
    label: 'Duplicate effects',
    unit: 'effects',
    better: 'lower',
    value: (s) => fate(s.report, 'duplicates') + sum(s.report.groups, (g) => g.ledger.duplicated),
    source: (s) =>
      hasQueues(s.report) ? { panel: 'fates', item: 'duplicates' } : { panel: 'groups' },
  },
  {
    id: 'deadLettered',
    group: 'What went wrong',
    label: 'Dead-lettered',
    unit: 'messages',
    better: 'lower',
    value: (s) => fate(s.report, 'deadlettered'),
    source: (s) => (hasQueues(s.report) ? { panel: 'fates', item: 'deadlettered' } : null),
  },
  {
    id: 'expired',
    group: 'What went wrong',
    label: 'Expired',
    unit: 'messages',
    better: 'lower',
    value: (s) => fate(s.report, 'expired'),
    source: (s) => (hasQueues(s.report) ? { panel: 'fates', item: 'expired' } : null),
  },
  {
    id: 'dropped',
    group: 'What went wrong',
    label: 'Dropped',
    unit: 'messages',
    better: 'lower',
    value: (s) => fate(s.report, 'dropped'),
    source: (s) => (hasQueues(s.report) ? { panel: 'fates', item: 'dropped' } : null),
  },
];

/** Which side is better, if that is clear. */
export function bestOf(better: Better, values: Record<Pane, Value>): Pane | null {
  const { left, right } = values;
  if (better === 'none' || typeof left !== 'number' || typeof right !== 'number') return null;
  if (left === right) return null;
  const leftWins = better === 'lower' ? left < right : left > right;
  return leftWins ? 'left' : 'right';
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '');

/** The chart an order row is drawn in (series by id or id suffix), else the orders panel. */
const FLOW_CHARTS: Record<string, RowSource> = {
  Accepted: { chart: 'orders', series: 'orders-accepted' },
  'Rejected at the front door': { chart: 'orders', series: 'orders-rejected' },
  Failed: { chart: 'orders', series: 'orders-failed' },
  'Orders completed per second': { chart: 'orders', series: 'orders-completed' },
  'Orders completed': { chart: 'orders', series: 'orders-completed' },
  'Client latency, p50': { chart: 'latency', series: 'p50' },
  'Client latency, p99': { chart: 'latency', series: 'p99' },
  'Busiest service': { chart: 'busy', series: null },
  'Its utilisation': { chart: 'busy', series: null },
  'Still in progress at the end': { chart: 'inFlight', series: 'orders-open' },
};

const flowSource = (label: string): RowSource => FLOW_CHARTS[label] ?? { panel: 'flow' };

/** The rows for two runs: the order table when both have services, else the generic set. */
export function tableRows(sides: Record<Pane, SideNumbers>): TableRow[] {
  const { left, right } = sides;
  if (left.report.flow && right.report.flow) {
    return compareTable({ sync: left.report, async: right.report }).map((row) => {
      const values = { left: row.values.sync, right: row.values.async };
      return {
        id: slug(`${row.group} ${row.label}`),
        group: row.group,
        label: row.label,
        unit: row.unit,
        better: row.better,
        values,
        best: bestOf(row.better, values),
        source: { left: flowSource(row.label), right: flowSource(row.label) },
      };
    });
  }
  return GENERIC.map((g) => {
    const values = { left: g.value(left), right: g.value(right) };
    return {
      id: g.id,
      group: g.group,
      label: g.label,
      unit: g.unit,
      better: g.better,
      values,
      best: bestOf(g.better, values),
      source: {
        left: values.left === null ? null : g.source(left),
        right: values.right === null ? null : g.source(right),
      },
    };
  });
}
