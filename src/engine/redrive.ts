/**
 * Redrive: move every ready message of a dead-letter queue back to a queue, by default the one
 * each message was last dead-lettered from (its newest x-death entry, R16). The DLQ keeps
 * nothing; the messages start afresh in their queue, with their death history kept.
 */
import { heldChange } from './brokerHeld';
import { enqueueCopy, readySlots, takeAllReady } from './queue';
import { msgAt, queueName, type Sink } from './sim';
import { Loc, type SimState } from './state';

/** `to` = target queue index, or -2 for "where each came from". */
export function redrive(st: SimState, from: number, to: number, sink: Sink): void {
  if (!st.broker.up) return;
  const q = st.queues[from]!;
  const order = readySlots(q);
  takeAllReady(st, q);
  for (const slot of order) {
    const m = msgAt(st, slot);
    const target = to >= 0 ? to : (m.deaths[0]?.queue ?? from);
    heldChange(st, -1);
    m.loc = Loc.ToQueue;
    // S3: a redriven message is a new message (new id, new enqueue time); its history stays.
    const oldId = m.id;
    m.id = st.nextMsgId++;
    if (sink)
      sink.push({
        type: 'redriven',
        atUs: st.nowUs,
        msgId: m.id,
        previousId: oldId,
        from: queueName(st, from),
        to: queueName(st, target),
      });
    enqueueCopy(st, slot, target, 'new', sink);
  }
}
