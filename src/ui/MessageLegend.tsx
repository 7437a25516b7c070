/**
 * What the shapes on the canvas mean, drawn with the same shapes (messageStyles.ts). New and
 * redelivered messages are always listed when the scenario has queues, requests and replies when
 * it has services; the other styles (retrying, dead-lettered, duplicate, acks and nacks going
 * back, errors, undos, and the mark of a message gone without an ack) once the run has shown
 * one, so the legend stays short.
 */
import { useEffect, useState } from 'react';
import type { Scenario } from '../engine';
import { goneColor, MESSAGE_STYLES, styleOf } from '../viz/messageStyles';
import { useResolvedPrefs } from './a11y/prefs';
import { ShapeIcon } from './ShapeIcon';
import { useSimStore } from './SimStoreContext';

const GONE = 'gone';

/** The styles listed from the start: those the scenario will surely show. */
const always = (s: Scenario): string[] => [
  ...(s.nodes.some((n) => n.kind === 'queue') ? ['new', 'redelivered'] : []),
  ...(s.nodes.some((n) => n.kind === 'service') ? ['request', 'reply'] : []),
];

export function MessageLegend() {
  const store = useSimStore();
  useResolvedPrefs((p) => p.theme); // re-render with the theme's colours
  const [seen, setSeen] = useState<readonly string[]>(() => always(store.getState().scenario));

  useEffect(() => {
    // Checked when the store publishes (≈10 Hz), not per frame; re-renders only on a new state.
    const check = () => {
      const f = store.frame();
      const found = new Set<string>();
      for (const x of f.flights) found.add(x.state);
      for (const x of f.fades) found.add(x.style === 'duplicate' ? 'duplicate' : GONE);
      setSeen((prev) => {
        const missing = [...found].filter((s) => !prev.includes(s));
        return missing.length > 0 ? [...prev, ...missing] : prev;
      });
    };
    let scenario = store.getState().scenario;
    return store.subscribe((s) => {
      if (s.scenario !== scenario) {
        scenario = s.scenario;
        setSeen(always(scenario));
      }
      check();
    });
  }, [store]);

  return (
    <ul className="legend message-legend" aria-label="Message shapes">
      {seen
        .filter((state) => state !== GONE)
        .map((state) => {
          const s = styleOf(state);
          return (
            <li key={state}>
              <ShapeIcon shape={s.shape} color={s.color} />
              {MESSAGE_STYLES[state] ? s.label : state}
            </li>
          );
        })}
      {seen.includes(GONE) ? (
        <li>
          <ShapeIcon shape="ring" color={goneColor()} />
          Gone without an ack (fades out with its reason)
        </li>
      ) : null}
    </ul>
  );
}
