/**
 * What went wrong, in exact numbers: messages dead-lettered, expired, dropped, lost, unroutable,
 * and duplicate effects, each with its reasons (fateTotals.ts).
 */
import { useId } from 'react';
import { fateTotals } from './fateTotals';
import { formatCount } from './format';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

export function Fates() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('Fates');
  const report = useSim((s) => s.report);
  const items = fateTotals(report);
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        What went wrong
      </h2>
      <dl className="counters counters--fates">
        {items.map((c) => (
          <div key={c.id} className={`counter${c.value > 0 ? ' is-nonzero' : ''}`} title={c.hint}>
            <dt>{c.label}</dt>
            <dd data-testid={`counter-${c.id}`}>{formatCount(c.value)}</dd>
            {/* The breakdown is a second <dd> (a list straight in a <dl> group is invalid). */}
            {c.reasons.length > 0 ? (
              <dd className="fate-reasons">
                <ul className="reasons" aria-label={`${c.label} by reason`}>
                  {c.reasons.map(([r, n]) => (
                    <li key={r} data-testid={`reason-${c.id}-${r}`}>
                      {r}: {formatCount(n)}
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
