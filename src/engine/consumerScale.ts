/**
 * Adding and removing queue consumers while the run goes on (issue 6, "add or remove consumers").
 *
 * Added: a new consumer with the current settings of an existing one, reading the same queue. It
 * joins the end of the queue's consumer list, so round robin (R8), single active consumer (R33)
 * and prefetch (R10) treat it as any other; it gets rng streams of its own, appended to the
 * state, so no other stream's draws change.
 *
 * Removed: what a client does on a clean shutdown, basic.cancel then channel close. The cancel
 * stops new deliveries at once; the workers finish the messages they are processing and ack them
 * on the still open channel; the deliveries it had not started (in its buffer or on the wire) go
 * back to the queue when it closes its channel, flagged redelivered, as on a crash (R12). That
 * return is not a basic.reject, so on RabbitMQ 4.3 it does not count toward a quorum queue's
 * delivery limit (R32). With auto-ack the broker already forgot what it pushed: the consumer
 * processes what it holds before it goes, since handing nothing back is all a clean close can do.
 */
import { releaseRef } from './copies';
import { returnCopies, takeBack } from './consumerCrash';
import { dispatch, updateActiveConsumer } from './delivery';
import { createHistogram } from './histogram';
import { createRing, ringReset, ringToArray } from './ring';
import { addStream, hashName } from './rng';
import { createSeries } from './series';
import { consumerName, freeDelivery, queueName, type Sink } from './sim';
import { CrashPoint, DLoc, type ConsumerState, type SimState } from './state';

/** A fresh consumer with `like`'s settings as they are now, and stats from zero. */
function copyConsumer(st: SimState, like: ConsumerState, node: number, id: string): ConsumerState {
  return {
    node,
    svc: -1,
    slowdown: 1,
    queue: like.queue,
    up: true,
    concurrency: like.concurrency,
    prefetch: like.prefetch,
    service: { ...like.service },
    stream: addStream(st.rng, st.seed, `service:${id}`),
    failStream: addStream(st.rng, st.seed, `failure:${id}`),
    retryStream: addStream(st.rng, st.seed, `retry:${id}`),
    pickSeed: (hashName(`pick:${id}`) ^ st.seed) >>> 0,
    busy: 0,
    buffer: createRing(),
    unacked: 0,
    graceUnacked: 0,
    autoAck: like.autoAck,
    failure: { ...like.failure, poisonIds: [...like.failure.poisonIds] },
    retry: { ...like.retry },
    dedup: like.dedup
      ? {
          size: like.dedup.size,
          retentionUs: like.dedup.retentionUs,
          ids: [],
          atUs: [],
          head: 0,
          set: {},
        }
      : null,
    crashWindow: CrashPoint.None,
    crashRestartUs: 0,
    removed: false,
    stats: {
      delivered: 0,
      acked: 0,
      redelivered: 0,
      failed: 0,
      effects: 0,
      duplicatesSkipped: 0,
      staleAcks: 0,
      latency: createHistogram(),
      wait: createHistogram(),
      service: createHistogram(),
      // The same bucket width as its template's series now, so the two stay aligned.
      ackSeries: createSeries(false, like.stats.ackSeries.periodUs),
      lostBusyUs: 0,
      retriedAcks: 0,
      retriesOfAcked: 0,
      attemptsMax: 0,
    },
  };
}

/** Append a node to the state's node tables; returns its node index. */
export function addNode(st: SimState, id: string, kind: string, index: number): number {
  st.nodeIds.push(id);
  st.nodeKinds.push(kind);
  st.nodeIndex.push(index);
  return st.nodeIds.length - 1;
}

export function addConsumer(st: SimState, id: string, li: number, sink: Sink): void {
  const like = st.consumers[li]!;
  const ci = st.consumers.length;
  const node = addNode(st, id, 'consumer', ci);
  st.consumers.push(copyConsumer(st, like, node, id));
  st.queues[like.queue]!.consumers.push(ci);
  if (sink)
    sink.push({
      type: 'consumerAdded',
      atUs: st.nowUs,
      consumer: id,
      like: consumerName(st, li),
      queue: queueName(st, like.queue),
      group: null,
    });
  updateActiveConsumer(st, like.queue, sink);
  dispatch(st, like.queue, sink);
}

export function removeConsumer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  if (c.removed) return;
  c.removed = true;
  c.crashWindow = CrashPoint.None;
  c.crashRestartUs = 0;
  const back: number[] = [];
  let finishing = 0;
  // A crashed consumer holds nothing (its deliveries went back at the crash).
  for (let dslot = 0; c.up && dslot < st.deliveries.length; dslot++) {
    const d = st.deliveries[dslot];
    if (!d || d.consumer !== ci) continue;
    if (d.loc === DLoc.InService || d.loc === DLoc.AckInFlight || d.autoAcked) {
      finishing++;
      continue;
    }
    // Not started (buffered or on the wire): handed back when the channel closes.
    if (d.valid) {
      const slot = takeBack(st, dslot);
      if (slot >= 0) back.push(slot);
    }
    freeDelivery(st, dslot);
    releaseRef(st, d.slot);
  }
  ringReset(
    c.buffer,
    ringToArray(c.buffer).filter((dslot) => st.deliveries[dslot]?.loc === DLoc.Buffered),
  );
  const name = consumerName(st, ci);
  const requeued = returnCopies(st, c.queue, back, name, 'consumerRemoved', sink);
  if (sink)
    sink.push({ type: 'consumerRemoved', atUs: st.nowUs, consumer: name, requeued, finishing });
  updateActiveConsumer(st, c.queue, sink);
  dispatch(st, c.queue, sink);
}
