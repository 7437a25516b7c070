/**
 * The "what went wrong" totals, grouped from the engine's report: dead-lettered, expired,
 * dropped, lost, unroutable, returned and duplicates, each with its breakdown by reason. Reasons
 * the engine adds later land in "dropped" (or "lost" when they name a crash), never nowhere.
 */
import type { RunReport } from '../engine';

export interface FateTotal {
  id: string;
  label: string;
  hint: string;
  value: number;
  /** Count by reason, largest first. */
  reasons: [string, number][];
}

const add = (into: Map<string, number>, key: string, n: number) =>
  into.set(key, (into.get(key) ?? 0) + n);

const sorted = (m: Map<string, number>) =>
  [...m.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

const isLoss = (reason: string) => reason.startsWith('broker-crash') || reason === 'broker-down';

export function fateTotals(report: RunReport): FateTotal[] {
  const t = report.totals;
  const dead = new Map<string, number>();
  const expiredBy = new Map<string, number>();
  const dropped = new Map<string, number>();
  const lost = new Map<string, number>();
  for (const [id, q] of Object.entries(report.queues)) {
    for (const [r, n] of Object.entries(q.deadLettered ?? {})) add(dead, r, n);
    if (q.expired > 0) add(expiredBy, id, q.expired);
    const autoAcked = q.ledger?.lostByReason?.autoAcked ?? 0;
    if (autoAcked > 0) add(lost, 'auto-ack consumer crashed', autoAcked);
  }
  for (const [r, n] of Object.entries(t.gone ?? {})) add(isLoss(r) ? lost : dropped, r, n);
  for (const [r, n] of Object.entries(t.notRouted ?? {})) {
    if (r === 'unroutable') continue;
    add(isLoss(r) ? lost : dropped, r, n);
  }
  let skipped = 0;
  for (const c of Object.values(report.consumers)) skipped += c.duplicatesSkipped ?? 0;
  const returned = t.returned ?? 0;
  return [
    {
      id: 'deadlettered',
      label: 'Dead-lettered',
      hint: 'moved to a dead-letter target (rejected, expired, over a limit)',
      value: t.deadLettered ?? sum(dead),
      reasons: sorted(dead),
    },
    {
      id: 'expired',
      label: 'Expired',
      hint: 'TTL ran out in a queue (then dead-lettered or discarded)',
      value: sum(expiredBy),
      reasons: sorted(expiredBy),
    },
    {
      id: 'dropped',
      label: 'Dropped',
      hint: 'discarded by a queue or a producer, by reason',
      value: sum(dropped),
      reasons: sorted(dropped),
    },
    {
      id: 'lost',
      label: 'Lost',
      hint: 'lost in a broker crash, or by an auto-ack consumer that crashed',
      value: sum(lost),
      reasons: sorted(lost),
    },
    {
      id: 'unroutable',
      label: 'Unroutable',
      hint: 'matched no binding (dropped, or returned to a mandatory publisher)',
      value: t.unroutable ?? 0,
      reasons: returned > 0 ? [['returned', returned]] : [],
    },
    {
      id: 'duplicates',
      label: 'Duplicate effects',
      hint: 'business effects applied more than once',
      value: t.duplicateEffects ?? 0,
      reasons: skipped > 0 ? [['skipped by idempotent consumers', skipped]] : [],
    },
  ];
}
