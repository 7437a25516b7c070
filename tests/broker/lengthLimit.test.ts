/**
 * Length limits (R24) with reference scenario 8: max-length=5, confirms on, eight publishes,
 * under each overflow mode.
 */
import { describe, expect, test } from 'vitest';
import { advance, checkInvariants, createSim, report } from '../../src/engine';
import { consumer, exchange, ofType, producer, queue, run, scenario, type Spec } from './helpers';

function eight(q: Spec) {
  const r = run(
    scenario([
      producer('p', 'q', 8, { confirms: true }),
      queue('q', { maxLength: 5, ...q }),
      queue('dlq'),
    ]),
  );
  const confirms = ofType(r.events, 'confirmed');
  return {
    ...r,
    acked: confirms.filter((e) => e.ack).map((e) => e.originId),
    nacked: confirms.filter((e) => !e.ack).map((e) => e.originId),
    ready: r.st.queues[0]!.readyCount,
    dead: ofType(r.events, 'deadLettered').map((e) => [e.originId, e.reason]),
  };
}

describe('R24 length limits', () => {
  test('R24 max-length counts ready messages only, not unacked ones', () => {
    const sc = scenario([
      producer('p', 'q', 5),
      queue('q', { maxLength: 2 }),
      consumer('c', 'q', 1000, { prefetch: 3 }),
    ]);
    const st = createSim(sc);
    advance(st, 50);
    expect(report(st).queues.q).toMatchObject({ depth: 2, unacked: 3 });
    expect(report(st).totals.gone).toEqual({});
    expect(checkInvariants(st)).toEqual([]);
  });

  test('R24 reference scenario 8, drop-head (default): 1-3 dead-lettered as maxlen, all 8 acked', () => {
    const r = eight({ deadLetterTo: 'dlq' });
    expect(r.dead).toEqual([
      [1, 'maxlen'],
      [2, 'maxlen'],
      [3, 'maxlen'],
    ]);
    expect(r.acked).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.nacked).toEqual([]);
    expect(r.ready).toBe(5);
    expect(r.rep.queues.dlq!.depth).toBe(3);
  });

  test('R24 drop-head without a dead-letter target drops the oldest', () => {
    const r = eight({});
    expect(ofType(r.events, 'discarded').map((e) => [e.originId, e.reason])).toEqual([
      [1, 'maxlen'],
      [2, 'maxlen'],
      [3, 'maxlen'],
    ]);
    expect(r.acked).toHaveLength(8);
  });

  test('R24 reference scenario 8, reject-publish: 6-8 are refused and nacked, never enqueued', () => {
    const r = eight({ overflow: 'reject-publish', deadLetterTo: 'dlq' });
    expect(r.acked).toEqual([1, 2, 3, 4, 5]);
    expect(r.nacked).toEqual([6, 7, 8]);
    expect(r.dead).toEqual([]); // plain reject-publish does not dead-letter
    expect(ofType(r.events, 'enqueued').map((e) => e.originId)).toEqual([1, 2, 3, 4, 5]);
    expect(r.rep.queues.q!.rejectedPublish).toBe(3);
    expect(r.rep.producers.p).toMatchObject({ confirmedAck: 5, confirmedNack: 3 });
  });

  test('R24 reference scenario 8, reject-publish-dlx: 6-8 are nacked and dead-lettered', () => {
    const r = eight({ overflow: 'reject-publish-dlx', deadLetterTo: 'dlq' });
    expect(r.acked).toEqual([1, 2, 3, 4, 5]);
    expect(r.nacked).toEqual([6, 7, 8]);
    expect(r.dead).toEqual([
      [6, 'maxlen'],
      [7, 'maxlen'],
      [8, 'maxlen'],
    ]);
    expect(r.ready).toBe(5);
    expect(r.rep.queues.dlq!.depth).toBe(3);
  });

  test('R24 when one of several target queues rejects, the publisher is nacked but the others keep their copies', () => {
    const r = run(
      scenario([
        producer('p', 'x', 2, { confirms: true }),
        exchange('x', 'fanout', [{ queue: 'full' }, { queue: 'open' }]),
        queue('full', { maxLength: 1, overflow: 'reject-publish' }),
        queue('open'),
      ]),
    );
    const confirms = ofType(r.events, 'confirmed').map((e) => [e.originId, e.ack]);
    expect(confirms).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.rep.queues.open!.depth).toBe(2);
    expect(r.rep.queues.full!.depth).toBe(1);
  });

  test('R24 the limit is kept after every enqueue, also with consumers draining', () => {
    const sc = scenario([
      producer('p', 'q', 200, { arrival: { dist: 'constant', ms: 1 } }),
      queue('q', { maxLength: 3 }),
      consumer('c', 'q', 7),
    ]);
    const st = createSim(sc);
    let maxDepth = 0;
    while (st.tick < st.endTick) {
      advance(st, 1);
      maxDepth = Math.max(maxDepth, st.queues[0]!.readyCount);
      expect(checkInvariants(st)).toEqual([]);
    }
    expect(maxDepth).toBe(3);
    const rep = report(st);
    expect(rep.queues.q!.acked + (rep.totals.gone.maxlen ?? 0)).toBe(200);
  });
});
