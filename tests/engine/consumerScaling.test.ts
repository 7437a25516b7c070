/**
 * Adding and removing consumers while the run goes on (issue 6): a queue consumer added like
 * another shares the queue's dispatch (R8, R33); a removed one cancels, finishes and acks its work
 * in progress and hands back what it had not started (R12); a member added to a group makes it
 * rebalance (K4, K5) and one removed leaves at once. Snapshots carry all of it.
 */
import { describe, expect, test } from 'vitest';
import {
  advance,
  checkInvariants,
  createSim,
  createTraceHasher,
  deserializeState,
  report,
  serializeState,
  validateInput,
  validateScenario,
  validateTimeline,
  type Input,
  type TimedInput,
} from '../../src/engine';
import { consumerIdsAt } from '../../src/engine/validateScale';
import { atMs, ofType, run, scenario, type Spec } from '../broker/helpers';
import { member, topic, writer } from '../log/helpers';

const at = (tick: number, input: Input): TimedInput => ({ tick, input });
const add = (consumerId: string, like: string): Input => ({
  type: 'consumerAdded',
  consumerId,
  like,
});
const remove = (consumerId: string): Input => ({ type: 'consumerRemoved', consumerId });

/** `count` jobs published at once (1 ms apart) into q, read by `consumers`. */
function backlog(count: number, consumers: Spec[], extra: Spec = {}) {
  return scenario(
    [
      {
        id: 'p',
        kind: 'producer',
        to: 'q',
        count,
        arrival: { dist: 'constant', ms: 1 },
      },
      { id: 'q', kind: 'queue', ...extra },
      ...consumers,
    ],
    { durationMs: 30_000 },
  );
}
const worker = (id: string, extra: Spec = {}): Spec => ({
  id,
  kind: 'consumer',
  from: 'q',
  service: { dist: 'constant', ms: 20 },
  ...extra,
});

/** Time (ms) of the last ack of a run. */
const lastAckMs = (events: Parameters<typeof ofType>[0]) =>
  Math.max(...ofType(events, 'acked').map(atMs));

describe('adding queue consumers', () => {
  test('R8: consumers added to a backlogged work queue share it and drain it faster', () => {
    const sc = backlog(300, [worker('w-1')]);
    const alone = run(sc);
    const helped = run(sc, [at(10, add('w-2', 'w-1')), at(10, add('w-3', 'w-2'))]);
    expect(alone.rep.queues.q!.acked).toBe(300);
    expect(helped.rep.queues.q!.acked).toBe(300);
    // Each added consumer takes a share of the work: round robin among the three.
    const shares = ['w-1', 'w-2', 'w-3'].map((id) => helped.rep.consumers[id]!.acked);
    expect(Math.min(...shares)).toBeGreaterThan(80);
    // Three workers instead of one: the backlog is gone in well under half the time.
    const aloneMs = lastAckMs(alone.events);
    const helpedMs = lastAckMs(helped.events);
    expect(helpedMs).toBeLessThan(aloneMs * 0.5);
    expect(
      ofType(helped.events, 'consumerAdded').map((e) => [e.consumer, e.like, e.queue]),
    ).toEqual([
      ['w-2', 'w-1', 'q'],
      ['w-3', 'w-2', 'q'],
    ]);
  });

  test("a new consumer copies its template's settings as they are at that moment", () => {
    const sc = backlog(50, [worker('w-1', { prefetch: 3, concurrency: 2 })]);
    const { rep } = run(sc, [
      at(5, { type: 'prefetchChanged', consumerId: 'w-1', prefetch: 7 }),
      at(6, add('w-2', 'w-1')),
      at(7, { type: 'prefetchChanged', consumerId: 'w-2', prefetch: 2 }),
    ]);
    expect(rep.consumers['w-2']).toMatchObject({ concurrency: 2, prefetch: 2, removed: false });
    expect(rep.consumers['w-1']!.prefetch).toBe(7);
  });

  test('R33: a consumer added to a single-active-consumer queue waits; it takes over when the active one is removed', () => {
    const sc = backlog(200, [worker('w-1')], { singleActiveConsumer: true });
    const { events, rep } = run(sc, [at(10, add('w-2', 'w-1')), at(100, remove('w-1'))]);
    const removedAt = ofType(events, 'consumerRemoved')[0]!.atUs;
    const toW2 = ofType(events, 'delivered').filter((e) => e.consumer === 'w-2');
    expect(toW2.length).toBeGreaterThan(0);
    expect(Math.min(...toW2.map((e) => e.atUs))).toBeGreaterThanOrEqual(removedAt);
    expect(ofType(events, 'activeConsumerChanged').at(-1)!.consumer).toBe('w-2');
    expect(rep.queues.q!.acked).toBe(200);
  });
});

describe('removing queue consumers', () => {
  test('R12: a removed consumer gets no more deliveries, acks its work in progress and hands back what it had not started', () => {
    const sc = backlog(100, [
      worker('a', { prefetch: 5, service: { dist: 'constant', ms: 100 } }),
      worker('b', { prefetch: 5, service: { dist: 'constant', ms: 100 } }),
    ]);
    // Tick 25 = 250 ms: `a` is in the middle of a message, with four more in its buffer.
    const { events, rep, st } = run(sc, [at(25, remove('a'))]);
    const removed = ofType(events, 'consumerRemoved');
    expect(removed).toHaveLength(1);
    const gone = removed[0]!;
    expect(gone).toMatchObject({ consumer: 'a', requeued: 4, finishing: 1 });
    const after = (e: { atUs: number }) => e.atUs >= gone.atUs;
    expect(ofType(events, 'delivered').filter((e) => e.consumer === 'a' && after(e))).toEqual([]);
    // The message in progress is finished and acked after the removal.
    expect(ofType(events, 'acked').filter((e) => e.consumer === 'a' && after(e))).toHaveLength(1);
    // The four it had not started went back, flagged redelivered, and b processed them.
    const back = ofType(events, 'requeued').filter((e) => e.reason === 'consumerRemoved');
    expect(back.map((e) => e.consumer)).toEqual(['a', 'a', 'a', 'a']);
    const backIds = new Set(back.map((e) => e.msgId));
    const redelivered = ofType(events, 'delivered').filter((e) => backIds.has(e.msgId) && after(e));
    expect(redelivered.every((e) => e.consumer === 'b' && e.redelivered)).toBe(true);
    expect(redelivered).toHaveLength(4);
    // Nothing lost, nothing done twice.
    expect(rep.queues.q!.acked).toBe(100);
    expect(rep.queues.q!.ledger.exactlyOnce).toBe(100);
    expect(rep.consumers.a).toMatchObject({ removed: true, busy: 0, unacked: 0 });
    expect(checkInvariants(st)).toEqual([]);
  });

  test('a removed consumer is not restarted by a restart its crash had armed', () => {
    const sc = backlog(100, [worker('a'), worker('b')]);
    const { events, rep } = run(sc, [
      at(10, { type: 'consumerCrashed', consumerId: 'a', restartAfterMs: 1000 }),
      at(20, remove('a')),
    ]);
    expect(ofType(events, 'consumerRestarted')).toEqual([]);
    expect(rep.consumers.a).toMatchObject({ up: false, removed: true });
    expect(rep.queues.q!.acked).toBe(100);
  });

  test('an auto-ack consumer processes what it already holds before it goes (nothing to hand back)', () => {
    const sc = backlog(40, [worker('a', { ackMode: 'auto' }), worker('b')]);
    const { events, rep } = run(sc, [at(10, remove('a'))]);
    const gone = ofType(events, 'consumerRemoved')[0]!;
    expect(gone.requeued).toBe(0);
    expect(gone.finishing).toBeGreaterThan(1);
    expect(rep.queues.q!.ledger.exactlyOnce).toBe(40);
  });
});

describe('consumer groups', () => {
  const nodes = (parts: number, members: Spec[]) => [
    topic('t', parts),
    writer('w', 't', 3000, 2, { keys: { count: 50 } }),
    ...members,
  ];
  const m = (id: string, extra: Spec = {}) =>
    member(id, 't', 'g', 3, { rebalancePauseMs: 200, commit: 'after', ...extra });

  test('K4: a member added like another joins its group, the group rebalances and it gets partitions', () => {
    const sc = scenario(nodes(4, [m('m1'), m('m2')]), { durationMs: 12_000 });
    const { events, rep } = run(sc, [at(100, add('m3', 'm1'))]);
    const joined = ofType(events, 'rebalanced').filter((e) => e.reason === 'm3 joined');
    expect(joined).toHaveLength(1);
    expect(joined[0]!.atUs).toBe(1_000_000);
    expect(joined[0]!.owners).toContain('m3');
    expect(rep.members.m3!.owns.length).toBeGreaterThan(0);
    expect(rep.members.m3!.processed).toBeGreaterThan(0);
    expect(rep.groups.g!.members).toEqual(['m1', 'm2', 'm3']);
    expect(rep.groups.g!.ledger.lost).toBe(0);
  });

  test('K4: a member added beyond the partition count idles', () => {
    const sc = scenario(nodes(2, [m('m1'), m('m2')]), { durationMs: 8000 });
    const { rep } = run(sc, [at(100, add('m3', 'm2'))]);
    expect(rep.members.m3).toMatchObject({ joined: true, owns: [], processed: 0 });
  });

  test('K5: a removed member leaves at once and its partitions go to the others, with nothing lost', () => {
    const sc = scenario(nodes(4, [m('m1'), m('m2')]), { durationMs: 12_000 });
    const { events, rep } = run(sc, [at(300, remove('m2'))]);
    const gone = ofType(events, 'consumerRemoved')[0]!;
    const left = ofType(events, 'rebalanced').filter((e) => e.reason === 'm2 left (removed)');
    expect(left).toHaveLength(1);
    // At once: after at most the record in progress (3 ms), not a 45 s session timeout.
    expect(left[0]!.atUs - gone.atUs).toBeLessThanOrEqual(3000);
    expect(left[0]!.owners).toEqual(['m1', 'm1', 'm1', 'm1']);
    expect(rep.members.m2).toMatchObject({ removed: true, joined: false, owns: [] });
    // Commit after processing: the rest of its batch is read again by m1, never lost.
    expect(rep.groups.g!.ledger.lost).toBe(0);
    expect(rep.groups.g!.ledger.exactlyOnce + rep.groups.g!.ledger.duplicated).toBe(3000);
  });

  test('K6: a removed auto-commit member commits what it processed as it closes', () => {
    const sc = scenario(nodes(2, [m('m1', { commit: 'auto' }), m('m2', { commit: 'auto' })]), {
      durationMs: 12_000,
    });
    const { events, rep } = run(sc, [at(300, remove('m2'))]);
    const gone = ofType(events, 'consumerRemoved')[0]!;
    const commits = ofType(events, 'offsetsCommitted').filter(
      (e) => e.member === 'm2' && e.atUs >= gone.atUs,
    );
    expect(commits).toHaveLength(1);
    expect(rep.groups.g!.ledger.lost).toBe(0);
  });
});

describe('snapshots', () => {
  test('a run restored in the middle (after an add and a removal) equals a straight run', () => {
    const sc = backlog(400, [worker('w-1', { prefetch: 3 }), worker('w-2', { prefetch: 3 })]);
    const timeline = [at(50, add('w-3', 'w-1')), at(120, remove('w-1')), at(300, remove('w-3'))];
    const straight = createSim(sc);
    const h1 = createTraceHasher();
    advance(straight, straight.endTick, timeline, h1);

    const first = createSim(sc);
    const h2 = createTraceHasher();
    advance(first, 200, timeline, h2);
    const restored = deserializeState(serializeState(first));
    advance(restored, restored.endTick - restored.tick, timeline, h2);
    expect(h2.hex()).toBe(h1.hex());
    expect(JSON.stringify(report(restored))).toBe(JSON.stringify(report(straight)));
    expect(serializeState(restored)).toBe(serializeState(straight));
  });

  test('the same for a group member added and removed', () => {
    const sc = scenario(
      [
        topic('t', 3),
        writer('w', 't', 2000, 3, { keys: { count: 20 } }),
        member('m1', 't', 'g', 4, { rebalancePauseMs: 100 }),
      ],
      { durationMs: 10_000 },
    );
    const timeline = [at(100, add('m2', 'm1')), at(400, remove('m1'))];
    const straight = createSim(sc);
    advance(straight, straight.endTick, timeline, undefined);
    const first = createSim(sc);
    advance(first, 250, timeline, undefined);
    const restored = deserializeState(serializeState(first));
    advance(restored, restored.endTick - restored.tick, timeline, undefined);
    expect(serializeState(restored)).toBe(serializeState(straight));
  });
});

describe('validation', () => {
  const sc = backlog(10, [worker('w-1'), worker('w-2')]);
  const errorsOf = (raw: unknown) => {
    const r = validateTimeline(raw, sc);
    return r.ok ? [] : r.errors;
  };

  test('a new id must be new, and `like` must name a consumer', () => {
    expect(errorsOf([{ tick: 1, input: add('w-2', 'w-1') }])).toEqual([
      'inputs[0].input.consumerId: "w-2" is already a node of the scenario; use a new id',
    ]);
    expect(errorsOf([{ tick: 1, input: add('w-3', 'q') }])).toEqual([
      'inputs[0].input.like: "q" is a queue, not a consumer',
    ]);
    expect(errorsOf([{ tick: 1, input: add('w-3', 'nobody') }])).toEqual([
      'inputs[0].input.like: unknown node id "nobody"',
    ]);
    expect(
      errorsOf([
        { tick: 1, input: add('w-3', 'w-1') },
        { tick: 2, input: add('w-3', 'w-1') },
      ]),
    ).toEqual(['inputs[1].input.consumerId: "w-3" was already added by an earlier input']);
    expect(
      errorsOf([
        { tick: 1, input: { type: 'consumerAdded', consumerId: 'bad id', like: 'w-1' } },
      ])[0],
    ).toMatch(/^inputs\[0\]\.input\.consumerId: /);
  });

  test('later inputs may name an added consumer, in tick order, whatever the order of the list', () => {
    const timeline = [
      { tick: 9, input: { type: 'consumerCrashed', consumerId: 'w-3' } },
      { tick: 12, input: remove('w-3') },
      { tick: 5, input: add('w-3', 'w-1') },
      { tick: 8, input: add('w-4', 'w-3') },
    ];
    expect(errorsOf(timeline)).toEqual([]);
  });

  test('an id that does not exist yet, or was removed, is refused', () => {
    expect(
      errorsOf([
        { tick: 3, input: remove('w-3') },
        { tick: 5, input: add('w-3', 'w-1') },
      ]),
    ).toEqual(['inputs[0].input.consumerId: unknown node id "w-3"']);
    expect(
      errorsOf([
        { tick: 3, input: remove('w-2') },
        { tick: 4, input: remove('w-2') },
        { tick: 5, input: { type: 'prefetchChanged', consumerId: 'w-2', prefetch: 3 } },
      ]),
    ).toEqual([
      'inputs[1].input.consumerId: "w-2" was removed by an earlier input',
      'inputs[2].input.consumerId: "w-2" was removed by an earlier input',
    ]);
  });

  test("the scenario's schedule may add consumers; its later entries and the timeline may name them", () => {
    const raw = {
      version: 1,
      name: 's',
      durationMs: 10_000,
      tickMs: 10,
      nodes: sc.nodes,
      schedule: [
        { atMs: 3000, input: remove('w-9') },
        { atMs: 1000, input: add('w-9', 'w-1') },
      ],
    };
    const ok = validateScenario(raw);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    // Before 1000 ms w-9 does not exist; from tick 101 it does; after 3000 ms it is removed.
    expect(validateTimeline([{ tick: 50, input: remove('w-9') }], ok.value).ok).toBe(false);
    expect(validateTimeline([{ tick: 101, input: remove('w-9') }], ok.value).ok).toBe(true);
    expect(validateTimeline([{ tick: 301, input: remove('w-9') }], ok.value).ok).toBe(false);
    const bad = validateScenario({ ...raw, schedule: [{ atMs: 100, input: remove('w-9') }] });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'schedule[0].input.consumerId: unknown node id "w-9"',
    ]);
  });

  test('the page validates one input against what the timeline so far added and removed', () => {
    const timeline = [at(5, add('w-3', 'w-1')), at(8, remove('w-2'))];
    const ids = consumerIdsAt(sc, timeline, 10);
    expect(validateInput(remove('w-3'), sc, 'input', ids).ok).toBe(true);
    // Accepted: now removed in `ids` too.
    const again = validateInput(remove('w-3'), sc, 'input', ids);
    expect(again.ok ? [] : again.errors).toEqual([
      'input.consumerId: "w-3" was removed by an earlier input',
    ]);
    const before = consumerIdsAt(sc, timeline, 4);
    expect(validateInput(remove('w-3'), sc, 'input', before).ok).toBe(false);
    expect(validateInput(remove('w-2'), sc, 'input', before).ok).toBe(true);
  });
});
