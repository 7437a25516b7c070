/**
 * The readable output of `sim compare`: a header, the comparison's description, and the
 * side-by-side table grouped as the engine groups its rows (availability, performance,
 * scalability, resilience, error handling, resources), with a marker for the better design.
 * With --sweep: one row per rate with the headline numbers of both designs.
 */
import {
  compareTable,
  DESIGN_LABELS,
  type Comparison,
  type CompareRow,
  type Design,
} from '../engine';
import type { DesignRuns, SweepJson, SweepSide } from './compare';
import type { ComparisonSource } from './compareLoad';
import { formatDuration } from './duration';
import { renderGroupedTable, renderTable } from './table';

/** Units whose values are measured quantities (one decimal); every other unit is a count. */
const DECIMAL_UNITS: Readonly<Record<string, string>> = {
  ms: ' ms',
  '%': ' %',
  '/s': '/s',
  s: ' s',
};

/** A value as shown: counts as integers; ms, %, per second and seconds with one decimal. */
export function formatValue(value: number | string, unit: string): string {
  if (typeof value === 'string') return value;
  const suffix = DECIMAL_UNITS[unit];
  return suffix === undefined ? String(Math.round(value)) : `${value.toFixed(1)}${suffix}`;
}

/** The value at the precision shown, so a tie on screen is a tie for the marker too. */
function shown(value: number, unit: string): number {
  return DECIMAL_UNITS[unit] === undefined ? Math.round(value) : Math.round(value * 10) / 10;
}

/** "sync" or "async" for the design with the better value, "" for a tie or a plain count. */
export function winner(row: CompareRow): Design | '' {
  const { sync, async } = row.values;
  if (row.better === 'none' || typeof sync !== 'number' || typeof async !== 'number') return '';
  const a = shown(sync, row.unit);
  const b = shown(async, row.unit);
  if (a === b) return '';
  return (row.better === 'lower') === a < b ? 'sync' : 'async';
}

/** Words wrapped to lines of at most `width` characters. */
export function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function from(source: ComparisonSource): string {
  return 'preset' in source ? `preset ${source.preset}` : `file ${source.file}`;
}

function header(name: string, source: ComparisonSource, runs: DesignRuns): string {
  const r = runs.reports.sync;
  return (
    `${name}  (${from(source)}, seed ${r.seed}, simulated ${formatDuration(r.simulatedMs)} = ` +
    `${r.simulatedMs} ms in ${r.tick} ticks of ${runs.tickMs} ms, each design)`
  );
}

export function formatCompare(
  comparison: Comparison,
  source: ComparisonSource,
  runs: DesignRuns,
): string {
  const rows: string[][] = [];
  let group = '';
  for (const row of compareTable(runs.reports)) {
    if (row.group !== group) {
      if (group !== '') rows.push(['']);
      group = row.group;
      rows.push([group]);
    }
    rows.push([
      `  ${row.label}`,
      formatValue(row.values.sync, row.unit),
      formatValue(row.values.async, row.unit),
      winner(row),
    ]);
  }
  const table = renderTable(['measure', DESIGN_LABELS.sync, DESIGN_LABELS.async, 'better'], rows);
  const sections = [
    [header(comparison.name, source, runs)],
    wrap(comparison.description),
    table,
    [
      'Both designs ran the same workload and faults with the same seed. better: the design with',
      'the better value where lower or higher is better; blank for a tie or a plain count.',
    ],
  ];
  return (
    sections
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.join('\n'))
      .join('\n\n') + '\n'
  );
}

/** A rate as given or computed: at most 6 significant digits, no trailing zeros. */
export const formatRate = (rate: number): string => String(Number(rate.toPrecision(6)));

/** Availability below this share is where a design "collapses", for the summary line. */
export const COLLAPSE_PCT = 99;

function sideCells(s: SweepSide): string[] {
  return [
    s.availabilityPct.toFixed(1),
    s.clientLatencyP99Ms.toFixed(1),
    s.completedPerSec.toFixed(1),
    String(s.lost + s.inconsistent),
    String(s.peakBacklog),
  ];
}

function firstCollapse(doc: SweepJson, design: Design): string {
  const p = doc.points.find((point) => point[design].availabilityPct < COLLAPSE_PCT);
  return p
    ? `${DESIGN_LABELS[design]} at ${formatRate(p.ratePerSec)}/s (${p[design].availabilityPct.toFixed(1)} %)`
    : `${DESIGN_LABELS[design]} never, up to ${formatRate(doc.sweep.to)}/s`;
}

export function formatSweep(doc: SweepJson, source: ComparisonSource): string {
  const s = doc.sweep;
  const side = ['avail %', 'p99 ms', 'done/s', 'lost+inc', 'backlog'];
  const table = renderGroupedTable(
    [
      { title: DESIGN_LABELS.sync, first: 1, span: side.length },
      { title: DESIGN_LABELS.async, first: 1 + side.length, span: side.length },
    ],
    ['rate/s', ...side, ...side],
    doc.points.map((p) => [formatRate(p.ratePerSec), ...sideCells(p.sync), ...sideCells(p.async)]),
    0,
  );
  return (
    [
      [
        `${doc.comparison}  (${from(source)}, seed ${doc.seed}, simulated ` +
          `${formatDuration(doc.simulatedMs)} = ${doc.simulatedMs} ms per design and rate)`,
        `sweep: ${s.producer}.ratePerSec from ${formatRate(s.from)} to ${formatRate(s.to)}/s ` +
          `in ${s.steps} geometric steps`,
      ],
      table,
      [
        `availability first below ${COLLAPSE_PCT} %: ${firstCollapse(doc, 'sync')}; ${firstCollapse(doc, 'async')}.`,
      ],
      [
        'avail % = orders accepted / orders answered (accepted, rejected or failed; orders still',
        'waiting for an answer at the end are left out); p99 ms = client latency (placed to answer),',
        '99th percentile; done/s = orders completed per second; lost+inc = accepted but lost, plus',
        'refused yet partly done; backlog = most work waiting at once (requests waiting for a worker,',
        'messages in a queue).',
      ],
    ]
      .map((lines) => lines.join('\n'))
      .join('\n\n') + '\n'
  );
}
