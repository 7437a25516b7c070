/**
 * The delivery-guarantee ledger of each queue (its consumers as one subscriber): how many
 * messages had their business effect applied exactly once, more than once, or never (lost),
 * with a few example message ids. Clicking an id selects that message when the event log still
 * holds it (its journey opens).
 */
import { OlderThanLog } from './OlderThanLog';
import { useId, useMemo, useState } from 'react';
import { deadLetterSources } from '../viz/scenarioFacts';
import { formatCount } from './format';
import { LedgerExamples } from './LedgerExamples';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';

export function LedgerPanel() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('LedgerPanel');
  const store = useSimStore();
  const queues = useSim((s) => s.report.queues);
  const scenario = useSim((s) => s.scenario);
  const select = useSim((s) => s.actions.selectMessage);
  const [missing, setMissing] = useState<number | null>(null);
  const dlqs = useMemo(() => deadLetterSources(scenario), [scenario]);
  // A queue's ledger counts the messages first routed to it: a DLQ's stays empty, so skip it.
  const rows = scenario.nodes.filter((n) => {
    const l = queues[n.id]?.ledger;
    return (
      n.kind === 'queue' && l && (!dlqs.has(n.id) || l.exactlyOnce + l.duplicated + l.lost > 0)
    );
  });

  const pick = (originId: number) => {
    const seen = store.eventLog().some((e) => (e as { originId?: number }).originId === originId);
    setMissing(seen ? null : originId);
    if (seen) select({ msgId: null, originId });
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Delivery guarantee
      </h2>
      <table className="queue-table ledger-table">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" title="effect applied exactly once">
              Once
            </th>
            <th scope="col" title="effect applied more than once">
              Dup.
            </th>
            <th scope="col" title="effect never applied">
              Lost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, label }) => {
            const l = queues[id]!.ledger;
            return (
              <tr key={id}>
                <th scope="row">{label ?? id}</th>
                <td data-testid={`ledger-once-${id}`}>{formatCount(l.exactlyOnce)}</td>
                <td data-testid={`ledger-dup-${id}`}>{formatCount(l.duplicated)}</td>
                <td data-testid={`ledger-lost-${id}`}>{formatCount(l.lost)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.map(({ id }) => (
        <div key={id}>
          <LedgerExamples
            label="duplicated"
            ids={queues[id]!.ledger.duplicatedIds}
            queueId={id}
            onPick={pick}
          />
          <LedgerExamples
            label="lost"
            ids={queues[id]!.ledger.lostIds}
            queueId={id}
            onPick={pick}
          />
        </div>
      ))}
      <OlderThanLog id={missing} />
    </section>
  );
}
