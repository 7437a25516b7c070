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
  dropped: { kind: 'gone', label: 'dropped' },
  discarded: { kind: 'gone', label: 'discarded' },
  lost: { kind: 'gone', label: 'lost' },
  unroutable: { kind: 'gone', label: 'unroutable' },
  producerDropped: { kind: 'gone', label: 'dropped by producer' },
  // Steps that carry a reason but are not an end. An expiry is followed by the copy being
  // dead-lettered (a move to the DLQ) or discarded (its end), which say where it went.
  expired: { kind: 'step', label: 'expired' },
  deadLettered: { kind: 'step', label: 'dead-lettered' },
  redriven: { kind: 'step', label: 'redriven' },
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
    const label = reason && row.kind !== 'done' ? `${row.label}: ${reason}` : row.label;
    return { kind: row.kind, label, node: whereOf(e) };
  }
  if (stringField(e, 'reason') !== undefined)
    return { kind: 'gone', label: `${e.type}: ${reason ?? ''}`, node: whereOf(e) };
  return { kind: 'step', label: e.type, node: whereOf(e) };
}

/**
 * Messages lost without an event of their own: a consumer that crashes while holding auto-acked
 * deliveries reports only how many it lost, and so does a service taken down with requests in
 * progress or waiting. A "gone" mark at the node, or null.
 */
export function noteOf(e: SimEvent): Fate | null {
  const lost = (e as unknown as Record<string, unknown>).lost;
  if (typeof lost !== 'number' || lost <= 0) return null;
  if (e.type === 'consumerCrashed')
    return { kind: 'gone', label: `lost ${lost}: auto-ack crash`, node: e.consumer };
  if (e.type === 'serviceStateChanged')
    return { kind: 'gone', label: `${lost} requests cut off: ${e.state}`, node: e.service };
  return null;
}
