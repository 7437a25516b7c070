/**
 * Service events in words, for the event log and a message's journey: a request arriving, its
 * answer leaving (an order accepted or failed for a customer), notes (breaker opened, call timed
 * out, effect applied twice) and state changes. Other events read as their fields.
 */
import type { SimEvent } from '../engine';
import { describeFields } from './eventFields';
import { logDetail } from './logWords';
import { scaleDetail } from './scaleWords';

const NOTES: Readonly<Record<string, (service: string, detail: string) => string>> = {
  breakerOpened: (s, d) => `${s}: circuit breaker to ${d} opened (calls fail at once for a while)`,
  callTimedOut: (s, d) => `${s}: call to ${d} timed out (the work may still happen there)`,
  duplicateEffect: (s, d) =>
    `${s}: effect applied again to an order that had it${d ? ` (${d})` : ''}`,
};

/** Service events in words; other events as their fields. */
export function serviceDetail(e: SimEvent): string | null {
  if (e.type === 'request') {
    const caller = e.caller ?? 'customer';
    const what = e.undo ? 'undo request' : e.caller ? 'request' : 'order';
    if (e.phase === 'arrived') return `#${e.originId} ${caller} → ${e.service}: ${what} arrived`;
    const answer =
      e.phase === 'replied'
        ? e.caller || e.undo
          ? 'done, reply sent'
          : 'order accepted'
        : e.caller || e.undo
          ? 'failed, error sent'
          : 'order failed';
    return `#${e.originId} ${e.service} → ${caller}: ${answer}`;
  }
  if (e.type === 'serviceNote')
    return (NOTES[e.what] ?? ((s, d) => `${s}: ${e.what} ${d}`))(e.service, e.detail);
  if (e.type === 'serviceStateChanged') {
    const factor =
      e.state === 'slow' || e.state === 'recovering' ? ` (work takes ×${e.factor})` : '';
    const lost = e.lost > 0 ? `, ${e.lost} requests cut off` : '';
    return `${e.service} is now ${e.state.toUpperCase()}${factor}${lost}`;
  }
  return null;
}

/** An event in words: a service or log event as a sentence, any other as its fields. */
export const describeEvent = (e: SimEvent): string =>
  serviceDetail(e) ?? logDetail(e) ?? scaleDetail(e) ?? describeFields(e);
