/**
 * Limits and broker-level presets: TTL with head-of-line expiry (R19, R20), the three overflow
 * modes of a length limit with confirms (R24, R25), the memory alarm (R30) and what survives a
 * broker crash (R27).
 */
import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { loadPreset } from '../../src/scenarios';
import { countBy, expectCleanEnd, ofType, presetRun, tickAt } from './support';

describe('ttl-expiry: five 60 s messages, then five 1 s messages, into a queue nobody reads', () => {
  // Reports at 3 s (all published), 30 s and 60 s: the 1 s messages expired on paper long ago.
  const ticks = [3_000, 30_000, 60_000].map((ms) => tickAt(loadPreset('ttl-expiry'), ms));
  const run = presetRun('ttl-expiry', { at: ticks });
  const arrivals = () => ofType(run().events, 'enqueued').filter((e) => e.queue === 'waiting');
  const expiredAt = () => new Map(ofType(run().events, 'expired').map((e) => [e.msgId, e.atUs]));

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('ten messages arrive: 60 s TTL first, then 1 s TTL', () => {
    expect(arrivals().map((e) => e.msgId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('the 1 s messages stay counted until the 60 s ones ahead of them leave (R20)', () => {
    const { mid } = run();
    for (const t of ticks) {
      expect(mid.get(t)!.queues.waiting!.depth, `depth at tick ${t}`).toBe(10);
      expect(mid.get(t)!.queues.expired!.depth, `DLQ at tick ${t}`).toBe(0);
    }
    const at = expiredAt();
    const headGone = at.get(5)!; // the last 60 s message
    for (const e of arrivals().slice(5)) {
      expect(at.get(e.msgId)!).toBeGreaterThan(e.atUs + 1_000_000 + 55_000_000); // long after 1 s
      expect(at.get(e.msgId)!).toBeGreaterThanOrEqual(headGone); // only once the head is gone
    }
  });

  test('each 60 s message expires at the head 60 s after it arrived, in order', () => {
    const at = expiredAt();
    for (const e of arrivals().slice(0, 5)) {
      expect(at.get(e.msgId)! - e.atUs).toBeGreaterThanOrEqual(60_000_000);
      expect(at.get(e.msgId)! - e.atUs).toBeLessThan(60_001_000);
    }
    expect(ofType(run().events, 'expired').map((e) => e.msgId)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  test('all ten end in the dead-letter queue with reason expired', () => {
    const { rep, events } = run();
    const dead = ofType(events, 'deadLettered');
    expect(dead).toHaveLength(10);
    for (const e of dead)
      expect(e).toMatchObject({ from: 'waiting', to: 'expired', reason: 'expired' });
    expect(rep.queues.waiting!).toMatchObject({
      depth: 0,
      expired: 10,
      deadLettered: { expired: 10 },
    });
    expect(rep.queues.expired!.depth).toBe(10);
    expect(rep.totals.gone).toEqual({});
  });
});

describe('overflow: eight confirmed publishes into three queues limited to 5 ready messages', () => {
  const run = presetRun('overflow');
  /** Business messages (originIds) a queue still holds at the end. */
  const heldOrigins = (queue: string) => {
    const inQ = new Set<number>();
    for (const e of run().events) {
      if (e.type === 'enqueued' && e.queue === queue) inQ.add(e.originId);
      if (e.type === 'deadLettered' && e.from === queue) inQ.delete(e.originId);
    }
    return [...inQ].sort((a, b) => a - b);
  };
  const deadFrom = (queue: string) =>
    ofType(run().events, 'deadLettered')
      .filter((e) => e.from === queue)
      .map((e) => [e.originId, e.reason]);

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('drop-head drops the three oldest to the DLQ (reason maxlen) and keeps the newest five', () => {
    expect(deadFrom('drop-head')).toEqual([
      [1, 'maxlen'],
      [2, 'maxlen'],
      [3, 'maxlen'],
    ]);
    expect(heldOrigins('drop-head')).toEqual([4, 5, 6, 7, 8]);
    expect(run().rep.queues['drop-head']!).toMatchObject({
      depth: 5,
      enqueued: 8,
      rejectedPublish: 0,
    });
  });

  test('reject-publish refuses the three newest and discards them (no dead-lettering)', () => {
    const discarded = ofType(run().events, 'discarded').filter((e) => e.queue === 'reject-publish');
    expect(discarded.map((e) => [e.originId, e.reason])).toEqual([
      [6, 'reject-publish'],
      [7, 'reject-publish'],
      [8, 'reject-publish'],
    ]);
    expect(deadFrom('reject-publish')).toEqual([]);
    expect(heldOrigins('reject-publish')).toEqual([1, 2, 3, 4, 5]);
    expect(run().rep.queues['reject-publish']!).toMatchObject({ depth: 5, rejectedPublish: 3 });
  });

  test('reject-publish-dlx refuses the three newest and dead-letters them', () => {
    expect(deadFrom('reject-publish-dlx')).toEqual([
      [6, 'maxlen'],
      [7, 'maxlen'],
      [8, 'maxlen'],
    ]);
    expect(heldOrigins('reject-publish-dlx')).toEqual([1, 2, 3, 4, 5]);
    const { rep } = run();
    expect(rep.queues['reject-publish-dlx']!).toMatchObject({ depth: 5, rejectedPublish: 3 });
    expect(rep.queues['overflow-dlq']!.depth).toBe(6); // 1-3 from drop-head, 6-8 from -dlx
  });

  test('one confirm per publish: 5 acks, and 3 nacks for 6-8, which a queue refused (R24, R25)', () => {
    // A publish is nacked if any target queue refused its copy, although drop-head kept
    // copies of 6-8 (the other queues keep theirs).
    const confirms = ofType(run().events, 'confirmed');
    expect(confirms.map((e) => [e.originId, e.ack])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, false],
      [7, false],
      [8, false],
    ]);
    expect(run().rep.producers.publisher!).toMatchObject({
      published: 8,
      confirmedAck: 5,
      confirmedNack: 3,
      missingConfirms: 0,
    });
  });

  test('no queue ever shows more than its 5 ready messages (after each enqueue, ready <= max-length)', () => {
    const { rep, events } = run();
    for (const q of ['drop-head', 'reject-publish', 'reject-publish-dlx']) {
      expect.soft(rep.queues[q]!.depthMax, `${q}: report depthMax`).toBeLessThanOrEqual(5);
      const shown = ofType(events, 'enqueued').filter((e) => e.queue === q);
      expect
        .soft(Math.max(...shown.map((e) => e.depth)), `${q}: depth in its enqueued events`)
        .toBeLessThanOrEqual(5);
    }
  });
});

describe('memory-alarm: a producer five times faster than the consumer, watermark 200', () => {
  const run = presetRun('memory-alarm');
  const watermark = () => {
    const b = run().sc.nodes.find((n) => n.kind === 'broker')!;
    return b.kind === 'broker' ? b.memoryHighWatermark! : NaN;
  };
  /** The events while the alarm is on. */
  const duringAlarm = (): SimEvent[] => {
    const out: SimEvent[] = [];
    let on = false;
    for (const e of run().events) {
      if (e.type === 'alarm') on = e.on;
      else if (on) out.push(e);
    }
    return out;
  };

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the alarm goes on when the broker holds 200 messages, and off as the consumer drains', () => {
    const { rep, events } = run();
    expect(watermark()).toBe(200);
    const alarms = ofType(events, 'alarm');
    // On at the watermark, off below 90 % of it (180), alternately, 55 times in the run.
    alarms.forEach((e, k) => expect(e.on).toBe(k % 2 === 0));
    expect(alarms).toHaveLength(109);
    for (const e of alarms) expect(e.held).toBe(e.on ? watermark() : watermark() * 0.9 - 1);
    expect(rep.broker.alarms).toBe(55);
    expect(rep.broker.alarmMs).toBeGreaterThan(100_000);
  });

  test('the producer is blocked and its own buffer takes the pressure', () => {
    const { rep, events } = run();
    const p = rep.producers.firehose!;
    expect(p.blockedMs).toBeGreaterThan(100_000);
    expect(p.bufferMax).toBe(2000); // its bufferLimit
    expect(p.dropped).toBe(2622);
    expect(rep.totals.notRouted).toEqual({ 'producer-bufferFull': 2622 });
    // Its buffer never empties after the first alarm: it stays blocked, sending a little each
    // time the alarm clears (flow control keeps it from pouring the buffer in at once).
    expect(ofType(events, 'producerBlocked')).toHaveLength(2);
    expect(ofType(events, 'producerUnblocked')).toHaveLength(1);
    expect(ofType(duringAlarm(), 'published')).toEqual([]); // R30: no publishing while blocked
  });

  test('the consumer keeps draining during the alarms', () => {
    const { rep } = run();
    expect(ofType(duringAlarm(), 'acked')).toHaveLength(1147);
    expect(rep.consumers.worker!.acked).toBe(1201);
    expect(rep.consumers.worker!.utilisation).toBeGreaterThan(0.99);
  });

  test('while the alarm is on the broker accepts no publish, so it never holds more than 200 (R30, invariant 18)', () => {
    const accepted = ofType(duringAlarm(), 'enqueued').length;
    expect.soft(accepted, 'publishes accepted while the alarm was on').toBe(0);
    expect
      .soft(run().rep.queues.work!.depthMax, 'most ready messages in the queue')
      .toBeLessThanOrEqual(watermark());
  });
});

describe('broker-crash-durability: persistent and transient messages, durable and transient queues', () => {
  const crashTick = tickAt(loadPreset('broker-crash-durability'), 10_000);
  const run = presetRun('broker-crash-durability', { at: [crashTick] });
  const queues = ['durable-p', 'transient-p', 'durable-t', 'transient-t'];

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('before the crash at 10 s every queue holds its 99 messages', () => {
    const { mid, events } = run();
    for (const q of queues) expect(mid.get(crashTick)!.queues[q]!.depth, q).toBe(99);
    expect(ofType(events, 'brokerCrashed')).toEqual([
      { type: 'brokerCrashed', atUs: 10_000_000, broker: 'rabbit', lost: 301, survived: 95 },
    ]);
  });

  test('only persistent messages in the durable queue that were written to disk survive', () => {
    const { rep, events } = run();
    expect(ofType(events, 'brokerRestarted')).toEqual([
      { type: 'brokerRestarted', atUs: 15_000_000, broker: 'rabbit', recovered: 95 },
    ]);
    expect(Object.fromEntries(queues.map((q) => [q, rep.queues[q]!.depth]))).toEqual({
      'durable-p': 95,
      'transient-p': 0,
      'durable-t': 0,
      'transient-t': 0,
    });
    // Written to disk: only durable-p's copies, in batches every 500 ms.
    const persisted = ofType(events, 'persisted');
    expect(persisted).toHaveLength(95);
    expect(new Set(persisted.map((e) => e.queue))).toEqual(new Set(['durable-p']));
    const flushes = [...new Set(persisted.map((e) => e.atUs))];
    expect(flushes).toHaveLength(19);
    flushes.slice(1).forEach((t, i) => expect(t - flushes[i]!).toBe(500_000));
  });

  test('everything else is lost with its reason: not written yet, transient message, transient queue', () => {
    const { rep, events } = run();
    const lost = ofType(events, 'lost');
    expect(countBy(lost, (e) => `${e.where}:${e.reason}`)).toEqual({
      'durable-p:broker-crash:not-written': 4,
      'transient-p:broker-crash:transient-queue': 99,
      'durable-t:broker-crash:transient-message': 99,
      'transient-t:broker-crash:transient-queue': 99,
    });
    // The four not written are the last four in, which the next flush would have written.
    const inDurableP = ofType(events, 'enqueued')
      .filter((e) => e.queue === 'durable-p')
      .map((e) => e.msgId);
    const written = new Set(ofType(events, 'persisted').map((e) => e.msgId));
    expect(inDurableP.filter((id) => !written.has(id))).toEqual(inDurableP.slice(-4));
    expect(lost.filter((l) => l.where === 'durable-p').map((e) => e.msgId)).toEqual(
      inDurableP.slice(-4),
    );
    expect(rep.totals.gone).toEqual({
      'broker-crash:not-written': 4,
      'broker-crash:transient-queue': 198,
      'broker-crash:transient-message': 99,
    });
  });
});
