/**
 * Run totals as exact integers, so what the class sees matches a headless run of the same
 * scenario and seed to the message. Data-driven over the engine's report: every total it has is
 * shown (known ones with words and a hint, new ones by their name), and none it does not have;
 * the fates (dead-lettered, dropped, lost, ...) are in the "What went wrong" panel.
 */
import { useId } from 'react';
import { formatCount, formatRate, humanize } from './format';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

interface Known {
  id: string;
  label: string;
  hint: string;
  rate?: boolean;
}

/** Order and words of the totals this page knows; ids are the data-testid suffixes. */
const KNOWN: Readonly<Record<string, Known>> = {
  published: { id: 'published', label: 'Published', hint: 'sent by producers' },
  delivered: { id: 'delivered', label: 'Delivered', hint: 'handed to consumers' },
  acked: { id: 'acked', label: 'Acked', hint: 'done and confirmed' },
  inFlight: { id: 'inflight', label: 'In flight', hint: 'published, not yet acked' },
  redelivered: { id: 'redelivered', label: 'Redelivered', hint: 'delivered again' },
  requeued: { id: 'requeued', label: 'Requeued', hint: 'put back in the queue' },
  throughputPerSec: { id: 'throughput', label: 'Throughput', hint: 'acks per second', rate: true },
  effects: { id: 'effects', label: 'Effects', hint: 'business effects applied by consumers' },
};

/**
 * Totals that restate others (enqueued ≈ copies routed ≈ published, processed ≈ acked), and
 * those the "What went wrong" panel shows with their reasons (Fates.tsx).
 */
const HIDDEN = new Set([
  'enqueued',
  'processed',
  'routedCopies',
  'deadLettered',
  'unroutable',
  'returned',
  'duplicateEffects',
  'gone',
  'notRouted',
]);

export function Counters() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('Counters');
  const totals = useSim((s) => s.report.totals) as unknown as Record<string, unknown>;
  const items: { id: string; label: string; value: string; hint: string }[] = [];
  for (const [key, k] of Object.entries(KNOWN)) {
    const v = totals[key];
    if (typeof v === 'number')
      items.push({
        id: k.id,
        label: k.label,
        hint: k.hint,
        value: k.rate ? formatRate(v) : formatCount(v),
      });
  }
  for (const [key, v] of Object.entries(totals)) {
    if (key in KNOWN || HIDDEN.has(key)) continue;
    if (typeof v === 'number')
      items.push({ id: key, label: humanize(key), hint: key, value: formatCount(v) });
    else if (v && typeof v === 'object')
      for (const [sub, n] of Object.entries(v as Record<string, unknown>))
        if (typeof n === 'number')
          items.push({
            id: `${key}-${sub}`,
            label: `${humanize(key)}: ${sub}`,
            hint: `${key}.${sub}`,
            value: formatCount(n),
          });
  }
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
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
