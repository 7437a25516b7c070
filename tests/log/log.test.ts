/** The log itself: append-only partitions, keys and partitions, reading never deletes. */
import { describe, expect, test } from 'vitest';
import { createSim, runToEnd } from '../../src/engine';
import { murmur2, partitionForKey, utf8 } from '../../src/engine/murmur2';
import { ofType, run, scenario } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

describe('K1 log', () => {
  test('K1: each partition is an append-only log whose offsets never change; reading never deletes', () => {
    const sc = scenario(
      [
        topic('t', 3),
        writer('w', 't', 300, 5, { keys: { count: 10 } }),
        member('a', 't', 'g1', 1),
        member('b', 't', 'g2', 1),
      ],
      { durationMs: 10_000 },
    );
    const st = createSim(sc);
    runToEnd(st);
    let total = 0;
    for (const part of st.log.topics[0]!.parts) {
      total += part.log.off.length;
      expect(part.log.off).toEqual(Array.from({ length: part.end }, (_, i) => i));
    }
    expect(total).toBe(300); // both groups read everything, nothing was removed
  });

  test('K1: two groups read the same records independently (pub/sub over the log)', () => {
    const { rep } = run(
      scenario(
        [
          topic('t', 2),
          writer('w', 't', 100, 5),
          member('a', 't', 'g1', 1),
          member('b', 't', 'g2', 1),
        ],
        {
          durationMs: 5000,
        },
      ),
    );
    expect(rep.groups.g1!.ledger.exactlyOnce).toBe(100);
    expect(rep.groups.g2!.ledger.exactlyOnce).toBe(100);
  });
});

describe('K2 partitioner', () => {
  test('K2: murmur2 matches Kafka for its own test vectors', () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) expect(murmur2(utf8(key))).toBe(hash);
  });

  test('K2: a keyed record always lands on toPositive(murmur2(key)) % partitions', () => {
    const sc = scenario(
      [
        topic('t', 4),
        writer('w', 't', 200, 5, { keys: { count: 7, prefix: 'user-' } }),
        member('c', 't', 'g', 1),
      ],
      { durationMs: 5000 },
    );
    const st = createSim(sc);
    runToEnd(st);
    st.log.topics[0]!.parts.forEach((part, p) => {
      for (const k of part.log.key) expect(partitionForKey(st.log.keys[k]!, 4)).toBe(p);
    });
  });

  test('K2: keyless records spread over every partition', () => {
    const st = createSim(scenario([topic('t', 4), writer('w', 't', 100, 5)], { durationMs: 2000 }));
    runToEnd(st);
    expect(st.log.topics[0]!.parts.map((p) => p.end)).toEqual([25, 25, 25, 25]);
  });

  test("K2: adding partitions remaps keys, so a key's history is split across partitions", () => {
    const sc = scenario(
      [topic('t', 3), writer('w', 't', 400, 5, { keys: { count: 12 } }), member('c', 't', 'g', 1)],
      {
        durationMs: 5000,
        schedule: [at(1000, { type: 'partitionsAdded', topicId: 't', count: 1 })],
      },
    );
    const st = createSim(sc);
    runToEnd(st);
    const partsOfKey = new Map<number, Set<number>>();
    st.log.topics[0]!.parts.forEach((part, p) =>
      part.log.key.forEach((k) => partsOfKey.set(k, (partsOfKey.get(k) ?? new Set()).add(p))),
    );
    const moved = [...partsOfKey.values()].filter((s) => s.size > 1).length;
    expect(st.log.topics[0]!.parts).toHaveLength(4);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(12);
    expect(st.log.topics[0]!.parts[3]!.end).toBeGreaterThan(0);
  });
});

describe('K3 ordering', () => {
  test('K3: a member reads each partition in offset order', () => {
    const { events } = run(
      scenario(
        [
          topic('t', 3),
          writer('w', 't', 300, 3, { keys: { count: 5 } }),
          member('a', 't', 'g', 2),
          member('b', 't', 'g', 2),
        ],
        {
          durationMs: 5000,
        },
      ),
    );
    const last = new Map<string, number>();
    for (const e of ofType(events, 'recordProcessed')) {
      const k = `${e.member}:${e.partition}`;
      expect(e.offset).toBeGreaterThan(last.get(k) ?? -1);
      last.set(k, e.offset);
    }
  });
});

describe('events and report for the view', () => {
  test('every written record has a recordAppended event; polls and commits name their partitions; members are reported', () => {
    const sc = scenario(
      [
        topic('t', 3),
        writer('w', 't', 90, 5, { keys: { count: 9 } }),
        member('a', 't', 'g', 1, { commit: 'after' }),
        member('b', 't', 'g', 1, { commit: 'after' }),
      ],
      {
        durationMs: 3000,
        schedule: [at(100, { type: 'partitionPaused', topicId: 't', partition: 2 })],
      },
    );
    const { rep, events } = run(sc);
    const appended = ofType(events, 'recordAppended');
    expect(appended).toHaveLength(90);
    expect(appended.every((e) => e.writer === 'w' && e.key !== null)).toBe(true);
    const owns = { a: rep.members.a!.owns, b: rep.members.b!.owns };
    for (const e of ofType(events, 'recordsPolled'))
      for (const p of e.partitions) expect(owns[e.member as 'a' | 'b']).toContain(p);
    for (const e of ofType(events, 'offsetsCommitted'))
      for (const p of e.partitions) expect(owns[e.member as 'a' | 'b']).toContain(p);
    expect([...owns.a, ...owns.b].sort()).toEqual([0, 1, 2]);
    expect(rep.topics.t!.partitions.map((p) => p.paused)).toEqual([false, false, true]);
  });
});
