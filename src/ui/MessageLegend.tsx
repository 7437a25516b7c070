/**
 * What the shapes on the canvas mean, drawn with the same shapes (messageStyles.ts). New and
 * redelivered messages are always listed; the other styles (retrying, dead-lettered, duplicate,
 * and the mark of a message gone without an ack) only once the run has shown one, so the
 * legend never promises what this engine cannot do yet.
 */
import { useEffect, useState } from 'react';
import { GONE_COLOR, MESSAGE_STYLES, styleOf, type Shape } from '../viz/messageStyles';
import { useSimStore } from './SimStoreContext';

const ALWAYS = ['new', 'redelivered'];
const GONE = 'gone';

function ShapeIcon({ shape, color }: { shape: Shape; color: string }) {
  const common = {
    fill: shape === 'ring' ? 'none' : color,
    stroke: color,
    strokeWidth: shape === 'ring' ? 2.5 : 0,
  };
  const shapes: Record<Shape, React.ReactNode> = {
    circle: <circle cx="8" cy="8" r="6" {...common} />,
    ring: <circle cx="8" cy="8" r="5" {...common} />,
    diamond: <polygon points="8,1 15,8 8,15 1,8" {...common} />,
    square: <rect x="2" y="2" width="12" height="12" {...common} />,
    triangle: <polygon points="8,1 15,14 1,14" {...common} />,
  };
  return (
    <svg width="16" height="16" aria-hidden="true" className="legend-shape">
      {shapes[shape]}
    </svg>
  );
}

export function MessageLegend() {
  const store = useSimStore();
  const [seen, setSeen] = useState<readonly string[]>(ALWAYS);

  useEffect(() => {
    // Checked when the store publishes (≈10 Hz), not per frame; re-renders only on a new state.
    const check = () => {
      const f = store.frame();
      const found = new Set<string>();
      for (const x of f.flights) found.add(x.state);
      if (f.fades.length > 0) found.add(GONE);
      setSeen((prev) => {
        const missing = [...found].filter((s) => !prev.includes(s));
        return missing.length > 0 ? [...prev, ...missing] : prev;
      });
    };
    let scenario = store.getState().scenario;
    return store.subscribe((s) => {
      if (s.scenario !== scenario) {
        scenario = s.scenario;
        setSeen(ALWAYS);
      }
      check();
    });
  }, [store]);

  return (
    <ul className="legend message-legend" aria-label="Message shapes">
      {seen
        .filter((state) => state !== GONE)
        .map((state) => {
          const s = MESSAGE_STYLES[state] ?? styleOf(state);
          return (
            <li key={state}>
              <ShapeIcon shape={s.shape} color={s.color} />
              {MESSAGE_STYLES[state] ? s.label : state}
            </li>
          );
        })}
      {seen.includes(GONE) ? (
        <li>
          <ShapeIcon shape="ring" color={GONE_COLOR} />
          Gone without an ack (fades out with its reason)
        </li>
      ) : null}
    </ul>
  );
}
