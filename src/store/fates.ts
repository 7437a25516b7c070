/**
 * What an event means for the message it is about: still on its way, done (acked), or gone
 * without an ack (expired, dropped, lost, ...), which the canvas fades out with its reason.
 *
 * A small table by event type, plus a default for types this file does not know yet: an event
 * about a message that carries a `reason` and is not a known step on the way is taken as "gone"
 * (the engine's fates all carry one). Anything else is a step. Add a row when the engine grows.
 */
import type { SimEvent } from '../engine';
import { messageKey, stringField } from './eventFields';

export type FateKind = 'step' | 'done' | 'gone';

export interface Fate {
  kind: FateKind;
  /** Short words for the canvas and the journey ("expired", "lost: broker crashed"). */
  label: string;
  /** The node where it happened, when the event names one. */
  node: string | null;
}

const TABLE: Readonly<Record<string, { kind: FateKind; label: string }>> = {
  acked: { kind: 'done', label: 'acked' },
  expired: { kind: 'gone', label: 'expired' },
  dropped: { kind: 'gone', label: 'dropped' },
  discarded: { kind: 'gone', label: 'discarded' },
  lost: { kind: 'gone', label: 'lost' },
  deadLettered: { kind: 'gone', label: 'dead-lettered' },
  unroutable: { kind: 'gone', label: 'unroutable' },
  producerDropped: { kind: 'gone', label: 'dropped by producer' },
  // Steps that carry a reason but are not an end.
  requeued: { kind: 'step', label: 'requeued' },
  publishRetried: { kind: 'step', label: 'publish retried' },
  retryScheduled: { kind: 'step', label: 'retry scheduled' },
  ackIgnored: { kind: 'step', label: 'ack ignored' },
  nacked: { kind: 'step', label: 'nacked' },
};

/** Fields naming where something happened, most specific first. */
const WHERE_FIELDS = ['where', 'queue', 'from', 'exchange', 'consumer', 'producer', 'broker'];

function whereOf(e: SimEvent): string | null {
  for (const key of WHERE_FIELDS) {
    const v = stringField(e, key);
    if (v !== undefined) return v;
  }
  return null;
}

/** The fate an event gives its message, or null when the event is not about one message. */
export function fateOf(e: SimEvent): Fate | null {
  if (messageKey(e) === null) return null;
  const row = TABLE[e.type];
  const reason = stringField(e, 'reason') ?? stringField(e, 'outcome');
  if (row) {
    const label = row.kind === 'gone' && reason ? `${row.label}: ${reason}` : row.label;
    return { kind: row.kind, label, node: whereOf(e) };
  }
  if (stringField(e, 'reason') !== undefined)
    return { kind: 'gone', label: `${e.type}: ${reason ?? ''}`, node: whereOf(e) };
  return { kind: 'step', label: e.type, node: whereOf(e) };
}
