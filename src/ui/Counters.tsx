/**
 * Run totals as exact integers, so what the class sees matches a headless run of the same
 * scenario and seed to the message.
 */
import { formatCount, formatRate } from './format';
import { useSim } from './SimStoreContext';

export function Counters() {
  const totals = useSim((s) => s.report.totals);
  const items: { id: string; label: string; value: string; hint: string }[] = [
    {
      id: 'published',
      label: 'Published',
      value: formatCount(totals.published),
      hint: 'sent by producers',
    },
    {
      id: 'delivered',
      label: 'Delivered',
      value: formatCount(totals.delivered),
      hint: 'handed to consumers',
    },
    { id: 'acked', label: 'Acked', value: formatCount(totals.acked), hint: 'done and confirmed' },
    {
      id: 'inflight',
      label: 'In flight',
      value: formatCount(totals.inFlight),
      hint: 'published, not yet acked',
    },
    {
      id: 'redelivered',
      label: 'Redelivered',
      value: formatCount(totals.redelivered),
      hint: 'delivered again',
    },
    {
      id: 'throughput',
      label: 'Throughput',
      value: formatRate(totals.throughputPerSec),
      hint: 'acks per second',
    },
  ];
  return (
    <section className="panel" aria-labelledby="counters-title">
      <h2 id="counters-title" className="panel-title">
        Messages
      </h2>
      <dl className="counters">
        {items.map((c) => (
          <div key={c.id} className="counter" title={c.hint}>
            <dt>{c.label}</dt>
            <dd data-testid={`counter-${c.id}`}>{c.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
