/**
 * Reading engine events generically. The engine's event union grows (exchanges, dead letters,
 * confirms, ...); the store and the views read fields by name through these helpers so that an
 * event type they do not know yet is still logged, filtered and shown, never a crash.
 */
import type { SimEvent } from '../engine';

/** An event seen as a plain record (events are plain JSON objects). */
export type EventRecord = Readonly<Record<string, unknown>>;

export const asRecord = (e: SimEvent): EventRecord => e as unknown as EventRecord;

export function numberField(e: SimEvent, key: string): number | undefined {
  const v = asRecord(e)[key];
  return typeof v === 'number' ? v : undefined;
}

export function stringField(e: SimEvent, key: string): string | undefined {
  const v = asRecord(e)[key];
  return typeof v === 'string' ? v : undefined;
}

/** The copy this event is about (msgId), else the business message (originId), else null. */
export function messageKey(e: SimEvent): number | null {
  return numberField(e, 'msgId') ?? numberField(e, 'originId') ?? null;
}

/**
 * Does this event concern the message with this copy id or origin id? A redrive gives the copy
 * a new id (S3) and names the old one as `previousId`.
 */
export function concernsMessage(e: SimEvent, msgId: number | null, originId: number | null) {
  const m = numberField(e, 'msgId');
  const o = numberField(e, 'originId');
  const before = numberField(e, 'previousId');
  return (
    (msgId !== null && (m === msgId || before === msgId)) || (originId !== null && o === originId)
  );
}

/** Fields that hold free text, never node ids. */
const NOT_NODE_FIELDS = new Set(['type', 'reason', 'input', 'outcome', 'method', 'setting']);

/**
 * Node ids an event mentions: every string field (or string in a list field) equal to a node id
 * of the scenario. This needs no table of which event names which node in which field.
 */
export function nodesOf(e: SimEvent, nodeIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const rec = asRecord(e);
  for (const key of Object.keys(rec)) {
    if (NOT_NODE_FIELDS.has(key)) continue;
    const v = rec[key];
    if (typeof v === 'string') {
      if (nodeIds.has(v) && !out.includes(v)) out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v)
        if (typeof x === 'string' && nodeIds.has(x) && !out.includes(x)) out.push(x);
    }
  }
  return out;
}

/** The tick at whose end the event has happened: seeking there shows its effect. */
export const tickAfter = (atUs: number, tickUs: number): number => Math.floor(atUs / tickUs) + 1;

/** Short "key=value" text of an event's fields other than type and time, for the log. */
export function describeFields(e: SimEvent): string {
  const rec = asRecord(e);
  const parts: string[] = [];
  for (const key of Object.keys(rec)) {
    if (key === 'type' || key === 'atUs' || key === 'arriveUs') continue;
    const v = rec[key];
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') parts.push(`${key}=${JSON.stringify(v)}`);
    else parts.push(`${key}=${String(v)}`);
  }
  return parts.join(' ');
}
