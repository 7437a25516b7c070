/**
 * Host of one time chart. React renders the panel once per scenario; the chart redraws its data
 * when the store publishes a new tick (≈10 Hz while playing) and moves its cursor every frame,
 * both through plain store subscriptions rather than React state.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { ChartKind } from '../store';
import { mountTimeChart } from '../viz/timeChart';
import { HIGHLIGHT_SERIES_EVENT, type HighlightDetail } from './chartHighlight';
import { DASH_ARRAY } from '../viz/palette';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';
import { useResolvedPrefs } from './a11y/prefs';

export interface ChartPanelProps {
  kind: ChartKind;
  title: string;
  yLabel: string;
  formatY(v: number): string;
  /** One sentence on how the numbers are made. */
  note: string;
}

export function ChartPanel({ kind, title, yLabel, formatY, note }: ChartPanelProps) {
  useRenderCount(`Chart:${kind}`);
  // An id per instance: the compare view shows each chart twice.
  const id = useId();
  const store = useSimStore();
  const scenario = useSim((s) => s.scenario);
  const host = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  // The chart reads the theme's palette when it mounts (issue 7): a new theme remounts it.
  const theme = useResolvedPrefs((p) => p.theme);
  // Line labels depend only on the scenario; data comes through the subscription below.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when the scenario changes
  const legend = useMemo(() => store.chart(kind).lines, [store, kind, scenario]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = mountTimeChart(el, { title, yLabel, formatY });
    chart.update(store.chart(kind));
    const unData = store.subscribe((now, before) => {
      if (
        now.tick !== before.tick ||
        now.horizonTick !== before.horizonTick ||
        now.scenario !== before.scenario ||
        now.timeline !== before.timeline
      )
        chart.update(store.chart(kind));
    });
    const unCursor = store.subscribeFrame((f) => chart.setCursor(f.displayUs / 1e6));
    // A link to one series (the compare view's table) asks for it with an event on the panel.
    const box = section.current;
    const onHighlight = (e: Event) =>
      chart.highlight((e as CustomEvent<HighlightDetail>).detail?.series ?? null);
    box?.addEventListener(HIGHLIGHT_SERIES_EVENT, onHighlight);
    return () => {
      box?.removeEventListener(HIGHLIGHT_SERIES_EVENT, onHighlight);
      unData();
      unCursor();
      chart.destroy();
    };
  }, [store, kind, title, yLabel, formatY, scenario, theme]);

  return (
    <section
      ref={section}
      className="panel chart-panel"
      aria-labelledby={id}
      data-testid={`chart-${kind}`}
      data-chart={kind}
    >
      <h2 id={id} className="panel-title">
        {title}
      </h2>
      <div ref={host} className="chart-host" />
      <ul className="legend" aria-label={`Legend of ${title}`}>
        {legend.map((l) => (
          <li key={l.id}>
            <svg className="legend-line" width="28" height="10" aria-hidden="true">
              <line
                x1="2"
                x2="26"
                y1="5"
                y2="5"
                className={`stroke--${l.color % 6}`}
                strokeDasharray={DASH_ARRAY[l.dash]}
              />
            </svg>
            {l.label}
          </li>
        ))}
      </ul>
      <p className="muted chart-note">{note}</p>
    </section>
  );
}
