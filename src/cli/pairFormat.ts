/**
 * The readable output of `sim compare <a> <b>`: one header line per scenario, the side-by-side
 * table with the two scenario names as columns, and what the rows measure.
 */
import { formatValue, wrap } from './compareFormat';
import { formatDuration } from './duration';
import { pairRows, SIDES, type PairRun, type ScenarioSource, type Side } from './pair';
import { renderTable } from './table';

const from = (source: ScenarioSource) =>
  'preset' in source ? `preset ${source.preset}` : `file ${source.file}`;

/** Column titles longer than this are wrapped. */
const TITLE_WIDTH = 28;

function headerLine(side: Side, run: PairRun): string {
  const r = run.report;
  return (
    `${side}: ${r.scenario}  (${from(run.source)}, seed ${r.seed}, simulated ` +
    `${formatDuration(r.simulatedMs)} = ${r.simulatedMs} ms in ${r.tick} ticks of ${run.tickMs} ms)`
  );
}

/** The two column titles: the scenario names, with (a) and (b) when they are the same. */
export function columnTitles(runs: Record<Side, PairRun>): Record<Side, string> {
  const a = runs.a.report.scenario;
  const b = runs.b.report.scenario;
  return a === b ? { a: `${a} (a)`, b: `${b} (b)` } : { a, b };
}

const LEGEND =
  'Delivered / processed = deliveries from queues (redeliveries included) plus records processed ' +
  'by consumer groups; throughput = copies acked plus records processed, per second of simulated ' +
  'time; end-to-end latency = publish to ack for queue consumers and appended to processed for ' +
  'consumer groups, over all of them; peak backlog = most messages ready in a queue or requests ' +
  'waiting for a service at once (the lag of a group is known at the end only); lost and duplicated ' +
  'come from the delivery-guarantee ledgers of the queues and the groups; reprocessed = records ' +
  'a group processed again. "-": the scenario has nothing to measure there.';

function runsAlike(runs: Record<Side, PairRun>): string {
  const a = runs.a.report;
  const b = runs.b.report;
  if (a.simulatedMs !== b.simulatedMs)
    return (
      `The scenarios ran for different times (a: seed ${a.seed} for ${formatDuration(a.simulatedMs)}; ` +
      `b: seed ${b.seed} for ${formatDuration(b.simulatedMs)}): compare rates, latencies and shares ` +
      `rather than counts, or give --duration to run both for the same time.`
    );
  if (a.seed !== b.seed)
    return (
      `Both scenarios ran for ${formatDuration(a.simulatedMs)}, each with its own seed ` +
      `(a: ${a.seed}, b: ${b.seed}; --seed sets both).`
    );
  return `Both scenarios ran with seed ${a.seed} for ${formatDuration(a.simulatedMs)}.`;
}

export function formatPair(runs: Record<Side, PairRun>): string {
  const rows: string[][] = [];
  let group = '';
  for (const row of pairRows(runs)) {
    if (row.group !== group) {
      if (group !== '') rows.push(['']);
      group = row.group;
      rows.push([group]);
    }
    rows.push([
      `  ${row.label}`,
      ...SIDES.map((side) => {
        const value = row.values[side];
        return value === null ? '-' : formatValue(value, row.unit);
      }),
    ]);
  }
  const titles = columnTitles(runs);
  // Long names are wrapped over several header lines, so the table stays readable.
  const a = wrap(titles.a, TITLE_WIDTH);
  const b = wrap(titles.b, TITLE_WIDTH);
  const height = Math.max(a.length, b.length);
  const lift = (lines: string[]) => [...Array<string>(height - lines.length).fill(''), ...lines];
  const headerLines = [lift(['measure']), lift(a), lift(b)];
  const header = headerLines.map((column) => column[0]!);
  const above = Array.from({ length: height - 1 }, (_, i) => headerLines.map((c) => c[i + 1]!));
  const hasFlow = runs.a.report.flow !== null && runs.b.report.flow !== null;
  const sections = [
    SIDES.map((side) => headerLine(side, runs[side])),
    renderTable(header, [...above, ...rows]),
    wrap(runsAlike(runs)),
    wrap(
      LEGEND +
        (hasFlow
          ? ' Both have services, so the rows of "sim compare <comparison>" about their orders follow.'
          : ''),
    ),
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
