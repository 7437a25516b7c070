/**
 * The event log: what happened in the last stretch of simulated time before the current tick
 * (the store keeps a bounded, seek-stable window), filterable by event type and node, and
 * virtualised. Clicking an entry jumps to the tick at which it had happened and selects its
 * message, which the canvas rings and the journey panel describes.
 */
import { useMemo, useRef, useState } from 'react';
import { LOG_MAX_EVENTS, LOG_WINDOW_US } from '../store';
import { EventLogFilters } from './EventLogFilters';
import { filterEvents, isSelected, rowDetail, typesIn, type LogFilter } from './eventLogRows';
import { formatSeconds, formatThousands } from './format';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';
import { useVirtualRows } from './useVirtualRows';

const ROW_H = 30;
const VIEW_H = 330;

export function EventLog() {
  useRenderCount('EventLog');
  const store = useSimStore();
  const version = useSim((s) => s.logVersion);
  const scenario = useSim((s) => s.scenario);
  const selected = useSim((s) => s.selectedMsg);
  const actions = useSim((s) => s.actions);
  const [filter, setFilter] = useState<LogFilter>({ type: '', node: '' });
  const viewport = useRef<HTMLDivElement>(null);
  const nodeIds = useMemo(() => new Set(scenario.nodes.map((n) => n.id)), [scenario]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the log is re-read when its version changes
  const events = useMemo(() => store.eventLog(), [store, version]);
  const rows = useMemo(() => filterEvents(events, filter, nodeIds), [events, filter, nodeIds]);
  const types = useMemo(() => typesIn(events, filter.type), [events, filter.type]);
  const v = useVirtualRows(viewport, rows.length, ROW_H, VIEW_H);

  const visible = [];
  for (let i = v.first; i < v.last; i++) {
    const e = rows[i]!;
    const on = isSelected(e, selected);
    visible.push(
      <li key={i} className={`log-row${on ? ' is-selected' : ''}`} style={{ top: i * ROW_H }}>
        <button
          type="button"
          className="log-btn"
          data-testid="log-row"
          data-at-us={e.atUs}
          aria-current={on ? 'true' : undefined}
          onClick={() => {
            v.followLatest();
            actions.jumpToEvent(e);
          }}
        >
          <span className="log-time">{formatSeconds(e.atUs / 1000)}</span>
          <span className="log-type">{e.type}</span>
          <span className="log-detail">{rowDetail(e)}</span>
        </button>
      </li>,
    );
  }

  return (
    <section className="panel event-log" aria-labelledby="log-title">
      <h2 id="log-title" className="panel-title">
        Event log
      </h2>
      <EventLogFilters filter={filter} onChange={setFilter} types={types} nodes={scenario.nodes} />
      <p className="muted log-summary" data-testid="log-summary">
        {formatThousands(rows.length)} of the last {formatThousands(events.length)} events (at most{' '}
        {formatThousands(LOG_MAX_EVENTS)}, {LOG_WINDOW_US / 1e6} s back)
      </p>
      <div ref={viewport} className="log-viewport" style={{ height: VIEW_H }} onScroll={v.onScroll}>
        <ol className="log-list" style={{ height: v.fullHeight }} aria-label="Events, oldest first">
          {visible}
        </ol>
      </div>
    </section>
  );
}
