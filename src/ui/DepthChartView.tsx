/**
 * Host of the queue-depth chart. The chart redraws when the store publishes (≈10 Hz while
 * playing), through a plain store subscription rather than React state: the series does not
 * change meaningfully between two animation frames.
 */
import { useEffect, useMemo, useRef } from 'react';
import { mountDepthChart, SERIES_COLORS } from '../viz/depthChart';
import { useSim, useSimStore } from './SimStoreContext';

export function DepthChartView() {
  const store = useSimStore();
  const scenario = useSim((s) => s.scenario);
  const host = useRef<HTMLDivElement>(null);
  const queues = useMemo(
    () =>
      scenario.nodes
        .filter((n) => n.kind === 'queue')
        .map((n) => ({ id: n.id, label: n.label ?? n.id })),
    [scenario],
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = mountDepthChart(el, { queues, title: 'Queue depth over simulated time' });
    chart.update(store.frame());
    const unsubscribe = store.subscribe((now, before) => {
      if (now.tick !== before.tick || now.scenario !== before.scenario) chart.update(store.frame());
    });
    return () => {
      unsubscribe();
      chart.destroy();
    };
  }, [store, queues]);

  return (
    <section className="panel" aria-labelledby="chart-title">
      <h2 id="chart-title" className="panel-title">
        Queue depth
      </h2>
      <div ref={host} className="chart-host" />
      <ul className="legend" aria-label="Legend">
        {queues.map((q, i) => (
          <li key={q.id}>
            <span className={`swatch swatch--${i % SERIES_COLORS.length}`} aria-hidden="true" />
            {q.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
