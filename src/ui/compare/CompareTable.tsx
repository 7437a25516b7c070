/**
 * The comparison table, live: re-read whenever either store publishes (≈10 Hz while playing,
 * never per frame). Both columns are the two runs at the same tick. The better side is marked
 * in words as well as colour; each number is a button that takes you to the chart (and series)
 * or panel it comes from in its pane.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ComparePair } from '../../compare/comparePair';
import {
  PANES,
  tableRows,
  type Pane,
  type RowSource,
  type TableRow,
} from '../../compare/tableRows';
import { endToEndLatency } from '../../store/engineAccess';
import { highlightSeries } from '../chartHighlight';

const FLASH_MS = 4000;

function formatValue(v: number | string | null, unit: string): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  const text = Number.isInteger(v) ? String(v) : v.toFixed(unit === '%' || unit === 'ms' ? 1 : 2);
  return unit === '%' ? `${text} %` : text;
}

/**
 * The line a row means among the chart's lines: its id, or an id ending or starting with it
 * (`orders-p99`, `lag-billing`), else the first line (a chart of one consumer has no "total":
 * its one line is the total).
 */
function pickSeries(chart: Element, wanted: string | null): string | null {
  const ids = [...chart.querySelectorAll('g.series')].map(
    (g) => g.getAttribute('data-series') ?? '',
  );
  if (wanted === null) return ids[0] ?? null;
  return (
    ids.find((id) => id === wanted) ??
    ids.find((id) => id.endsWith(`-${wanted}`)) ??
    ids.find((id) => id.startsWith(`${wanted}-`)) ??
    ids[0] ??
    null
  );
}

/** Scroll to where a number comes from, emphasise it, and move focus there. */
function goTo(pane: Pane, source: RowSource): Element | null {
  const root = document.getElementById(`compare-${pane}`);
  if (!root) return null;
  const target =
    'chart' in source
      ? root.querySelector(`[data-chart="${source.chart}"]`)
      : root.querySelector(`[data-panel="${source.panel}"]`);
  if (!(target instanceof HTMLElement)) return null;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.classList.add('is-linked');
  if ('chart' in source) {
    highlightSeries(target, pickSeries(target, source.series));
  }
  return target;
}

function Cell({
  row,
  pane,
  onGo,
}: {
  row: TableRow;
  pane: Pane;
  onGo(pane: Pane, s: RowSource): void;
}) {
  const value = row.values[pane];
  const source = row.source[pane];
  const text = formatValue(value, row.unit);
  const best = row.best === pane;
  return (
    <td className={best ? 'compare-cell is-better' : 'compare-cell'}>
      {source ? (
        <button
          type="button"
          className="link-button"
          data-testid={`cell-${row.id}-${pane}`}
          onClick={() => onGo(pane, source)}
          title={`Show where this number comes from (${'chart' in source ? `chart: ${source.chart}` : `panel: ${source.panel}`})`}
        >
          {text}
        </button>
      ) : (
        <span data-testid={`cell-${row.id}-${pane}`}>{text}</span>
      )}
      {best ? <span className="better-mark"> ✓ better</span> : null}
    </td>
  );
}

export function CompareTable({ pair, names }: { pair: ComparePair; names: Record<Pane, string> }) {
  const leftReport = useStore(pair.stores.left, (s) => s.report);
  const rightReport = useStore(pair.stores.right, (s) => s.report);
  const rows = tableRows({
    left: { report: leftReport, latency: endToEndLatency(pair.stores.left.sim()) },
    right: { report: rightReport, latency: endToEndLatency(pair.stores.right.sim()) },
  });
  const lit = useRef<{ el: Element; timer: ReturnType<typeof setTimeout> } | null>(null);
  const clear = () => {
    if (!lit.current) return;
    clearTimeout(lit.current.timer);
    lit.current.el.classList.remove('is-linked');
    highlightSeries(lit.current.el, null);
    lit.current = null;
  };
  useEffect(() => clear, []);
  const onGo = (pane: Pane, source: RowSource) => {
    clear();
    const el = goTo(pane, source);
    if (el) lit.current = { el, timer: setTimeout(clear, FLASH_MS) };
  };
  let group = '';
  return (
    <section
      className="panel compare-table"
      aria-labelledby="compare-table-title"
      data-testid="compare-table"
    >
      <details open>
        {/* Foldable: a class watching both runs animate can put the table away. */}
        <summary>
          <h2 id="compare-table-title" className="panel-title compare-table-title">
            Side by side, at the same tick
          </h2>
        </summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Unit</th>
              {PANES.map((p) => (
                <th key={p} scope="col">
                  {names[p]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) => {
              const head =
                row.group !== group ? (
                  <tr key={`g-${row.group}`} className="compare-group">
                    <th scope="colgroup" colSpan={4}>
                      {row.group}
                    </th>
                  </tr>
                ) : null;
              group = row.group;
              const line = (
                <tr key={row.id} data-testid={`row-${row.id}`}>
                  <th scope="row">{row.label}</th>
                  <td className="muted">{row.unit}</td>
                  {PANES.map((p) => (
                    <Cell key={p} row={row} pane={p} onGo={onGo} />
                  ))}
                </tr>
              );
              return head ? [head, line] : [line];
            })}
          </tbody>
        </table>
        <p className="muted">
          Both runs use the same seed, so they see the same arrivals and faults. A number opens the
          chart or panel it comes from in its run.
        </p>
      </details>
    </section>
  );
}
