/**
 * A message's journey: every event about it in the event log (hops, deliveries, acks, requeues,
 * fates), oldest first. Built from the log, so it shows what the log holds: when the message's
 * first event is older than the log window the journey says it starts earlier.
 */
import type { SimEvent } from '../engine';
import { concernsMessage, describeFields, numberField, stringField } from './eventFields';
import { fateOf, type FateKind } from './fates';

export interface MessageSelection {
  msgId: number | null;
  originId: number | null;
}

export interface JourneyStep {
  atUs: number;
  type: string;
  fate: FateKind;
  label: string;
  detail: string;
  event: SimEvent;
}

export interface Journey {
  steps: JourneyStep[];
  /** The log holds the message's first event (its publish). */
  complete: boolean;
  /** The last step is an end: acked, or gone with a reason. */
  ended: FateKind | null;
}

/** Steps a journey shows at most (a message requeued thousands of times stays readable). */
const STEPS_MAX = 500;

/** The first event of a message's life: its publish, or a customer's order reaching a service. */
const isBirth = (e: SimEvent) =>
  e.type === 'published' || (e.type === 'request' && e.caller === null && e.phase === 'arrived');

export function buildJourney(log: readonly SimEvent[], sel: MessageSelection): Journey {
  let originId = sel.originId;
  // Learn the origin from any event of the copy, so copies routed elsewhere show up too.
  if (originId === null && sel.msgId !== null)
    for (const e of log)
      if (numberField(e, 'msgId') === sel.msgId) {
        originId = numberField(e, 'originId') ?? null;
        if (originId !== null) break;
      }
  const steps: JourneyStep[] = [];
  for (const e of log) {
    if (!concernsMessage(e, sel.msgId, originId)) continue;
    const fate = fateOf(e);
    steps.push({
      atUs: e.atUs,
      type: e.type,
      fate: fate?.kind ?? 'step',
      label: e.type === 'request' ? `request ${e.phase}` : (fate?.label ?? e.type),
      detail: describeFields(e),
      event: e,
    });
  }
  const last = steps[steps.length - 1];
  const ended = last && last.fate !== 'step' ? last.fate : null;
  return {
    steps: steps.length > STEPS_MAX ? steps.slice(steps.length - STEPS_MAX) : steps,
    complete: steps.length > 0 && isBirth(steps[0]!.event),
    ended,
  };
}

/** The node where a message was last seen in its journey, if the events say. */
export function lastNodeOf(j: Journey): string | null {
  for (let i = j.steps.length - 1; i >= 0; i--) {
    const e = j.steps[i]!.event;
    const node =
      stringField(e, 'consumer') ?? stringField(e, 'queue') ?? stringField(e, 'to') ?? null;
    if (node !== null) return node;
  }
  return null;
}
