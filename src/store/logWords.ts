/**
 * The log broker's events in words (issue 6), for the event log and a message's journey: a
 * group rebalancing (why, and who owns which partition now), a member leaving its group, a
 * poll, a record processed (a duplicate said so), offsets committed, a log broker going down
 * or coming back.
 */
import type { SimEvent } from '../engine';

const owners = (list: readonly (string | null)[]) =>
  list.map((m, p) => `P${p} ${m ?? 'nobody'}`).join(' · ');

const offsets = (list: readonly number[]) =>
  list.flatMap((o, p) => (o >= 0 ? [`P${p} at ${o}`] : [])).join(' · ') || 'nothing yet';

export function logDetail(e: SimEvent): string | null {
  switch (e.type) {
    case 'rebalanced':
      return `${e.group} rebalanced (${e.reason}; generation ${e.generation}): ${owners(e.owners)}`;
    case 'memberLeft':
      return `${e.member} left its group: ${e.reason}`;
    case 'recordsPolled':
      return `${e.member} (${e.group}) fetched ${e.count} record${e.count === 1 ? '' : 's'}`;
    case 'recordProcessed':
      return (
        `#${e.originId} processed by ${e.member} (${e.group}), P${e.partition} offset ${e.offset}` +
        (e.duplicate ? ': again, a duplicate effect' : '')
      );
    case 'offsetsCommitted':
      return `${e.member} committed ${e.group}'s offsets: ${offsets(e.offsets)}`;
    case 'logBrokerChanged':
      return e.up ? `log broker ${e.broker} is up again` : `log broker ${e.broker} is DOWN`;
    default:
      return null;
  }
}
