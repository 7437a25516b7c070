/**
 * What happened to the customers' orders, in plain words (only for scenarios with services:
 * report().flow is null otherwise). Exact integers, like the other counters, so the page matches
 * a headless run; the two latencies are percentiles of the engine's histograms.
 */
import { useId } from 'react';
import type { FlowReport } from '../engine';
import { formatCount, formatMs } from './format';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

interface Row {
  id: string;
  label: string;
  hint: string;
  value(f: FlowReport): number;
  /** Shown as a warning when above zero. */
  bad?: boolean;
}

const ROWS: readonly Row[] = [
  { id: 'orders', label: 'Orders placed', hint: 'sent by customers', value: (f) => f.orders },
  {
    id: 'accepted',
    label: 'Accepted',
    hint: 'the customer was told "yes"',
    value: (f) => f.accepted,
  },
  {
    id: 'completed',
    label: 'Completed',
    hint: 'accepted, and every step (stock, payment, email...) done',
    value: (f) => f.completed,
  },
  {
    id: 'pending',
    label: 'In progress',
    hint: 'still on their way through the services or the queues',
    value: (f) => f.pending,
  },
  {
    id: 'failed',
    label: 'Failed',
    hint: 'the customer was told the order failed',
    value: (f) => f.failed,
    bad: true,
  },
  {
    id: 'rejected',
    label: 'Turned away',
    hint: 'refused at once: the service had too many requests waiting',
    value: (f) => f.rejected,
    bad: true,
  },
  {
    id: 'lost',
    label: 'Lost',
    hint: 'accepted, but a step will never happen: nothing left in the system can do it',
    value: (f) => f.lost,
    bad: true,
  },
  {
    id: 'inconsistent',
    label: 'Half done',
    hint: 'failed or turned away, yet some step stayed done (stock reserved, card charged)',
    value: (f) => f.inconsistent,
    bad: true,
  },
  {
    id: 'duplicates',
    label: 'Done twice',
    hint: 'a step applied again to an order that already had it (a duplicate effect)',
    value: (f) => f.duplicateEffects,
    bad: true,
  },
];

export function FlowPanel() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('FlowPanel');
  const flow = useSim((s) => s.report.flow);
  if (!flow) return null;
  const wait = flow.clientLatencyMs;
  const done = flow.completionMs;
  const pct = (s: typeof wait, key: 'p50' | 'p99') => (s.count === 0 ? '–' : formatMs(s[key]));
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="flow-panel">
      <h2 id={titleId} className="panel-title">
        Orders
      </h2>
      <dl className="counters counters--fates">
        {ROWS.map((r) => {
          const v = r.value(flow);
          return (
            <div
              key={r.id}
              className={`counter${r.bad && v > 0 ? ' is-nonzero' : ''}`}
              title={r.hint}
            >
              <dt>{r.label}</dt>
              <dd data-testid={`flow-${r.id}`}>{formatCount(v)}</dd>
            </div>
          );
        })}
      </dl>
      {flow.inDeadLetter > 0 ? (
        <p className="muted" data-testid="flow-in-dlq">
          {formatCount(flow.inDeadLetter)} of those in progress wait in a dead-letter queue.
        </p>
      ) : null}
      <table className="queue-table flow-times">
        <thead>
          <tr>
            <th scope="col">How long</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
          </tr>
        </thead>
        <tbody>
          <tr title="from placing the order to the customer's answer">
            <th scope="row">Customer waits for an answer</th>
            <td data-testid="flow-client-p50">{pct(wait, 'p50')}</td>
            <td data-testid="flow-client-p99">{pct(wait, 'p99')}</td>
          </tr>
          <tr title="from the customer's answer to the last step done">
            <th scope="row">Accepted → fully done</th>
            <td data-testid="flow-completion-p50">{pct(done, 'p50')}</td>
            <td data-testid="flow-completion-p99">{pct(done, 'p99')}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
