/**
 * Routing (R1-R4): direct, fanout, topic and headers exchanges, one copy per queue (R3).
 * Reference scenarios 1 (topic quiz) and 2 (headers).
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import { topicMatches } from '../../src/engine/topicMatch';
import {
  cycleTemplates,
  enqueuedByOrigin,
  exchange,
  ofType,
  producer,
  queue,
  run,
  scenario,
  type Spec,
} from './helpers';

/** Publish one message per template through exchange `x`; return where each origin went. */
function route(x: Spec, queues: string[], templates: Spec[], extra: Spec = {}) {
  const sc = scenario([
    producer('p', 'x', templates.length, { ...cycleTemplates(templates), ...extra }),
    x,
    ...queues.map((q) => queue(q)),
  ]);
  const r = run(sc);
  const where = enqueuedByOrigin(r.events);
  return { ...r, to: (origin: number) => where.get(origin) ?? [] };
}

describe('R1 direct and fanout', () => {
  test('R1 direct routes to every queue whose binding key equals the routing key exactly', () => {
    const x = exchange('x', 'direct', [
      { queue: 'a', key: 'orange' },
      { queue: 'b', key: 'orange' },
      { queue: 'c', key: 'green' },
    ]);
    const { to, rep } = route(
      x,
      ['a', 'b', 'c'],
      [
        { routingKey: 'orange' },
        { routingKey: 'green' },
        { routingKey: 'Orange' },
        { routingKey: 'orange.x' },
      ],
    );
    expect(to(1)).toEqual(['a', 'b']); // several queues share a key
    expect(to(2)).toEqual(['c']);
    expect(to(3)).toEqual([]); // exact, case-sensitive
    expect(to(4)).toEqual([]);
    expect(rep.exchanges.x).toEqual({ routed: 2, unroutable: 2, copies: 3 });
  });

  test('R1 fanout copies to every bound queue and ignores the routing key', () => {
    const x = exchange('x', 'fanout', [{ queue: 'a' }, { queue: 'b' }, { queue: 'c' }]);
    const { to } = route(
      x,
      ['a', 'b', 'c', 'unbound'],
      [{ routingKey: 'anything' }, { routingKey: '' }],
    );
    expect(to(1)).toEqual(['a', 'b', 'c']);
    expect(to(2)).toEqual(['a', 'b', 'c']);
  });
});

describe('R2 topic patterns', () => {
  const topic = (key: string) => exchange('x', 'topic', [{ queue: 'q', key }]);

  test('R2 `*` matches exactly one word: regions.na.cities.* does not match regions.na.cities', () => {
    const { to } = route(
      topic('regions.na.cities.*'),
      ['q'],
      [
        { routingKey: 'regions.na.cities' },
        { routingKey: 'regions.na.cities.toronto' },
        { routingKey: 'regions.na.cities.toronto.east' },
        { routingKey: 'regions.eu.cities.paris' },
      ],
    );
    expect([1, 2, 3, 4].map((o) => to(o).length)).toEqual([0, 1, 0, 0]);
  });

  test('R2 `#` matches zero or more words: audit.events.# matches audit.events', () => {
    const { to } = route(
      topic('audit.events.#'),
      ['q'],
      [
        { routingKey: 'audit.events' },
        { routingKey: 'audit.events.users' },
        { routingKey: 'audit.events.users.signup' },
        { routingKey: 'audit' },
        { routingKey: 'audit.eventsx' },
      ],
    );
    expect([1, 2, 3, 4, 5].map((o) => to(o).length)).toEqual([1, 1, 1, 0, 0]);
  });

  test('R2 `#` alone acts as fanout: it matches every key, the empty one included', () => {
    const { to } = route(
      topic('#'),
      ['q'],
      [{ routingKey: '' }, { routingKey: 'a' }, { routingKey: 'a.b.c.d' }],
    );
    expect([1, 2, 3].map((o) => to(o))).toEqual([['q'], ['q'], ['q']]);
  });

  test('R2 the matcher: `*` is one word, `#` any number, in any position', () => {
    const cases: [string, string, boolean][] = [
      ['*.orange.*', 'quick.orange.rabbit', true],
      ['*.orange.*', 'orange', false],
      ['*.orange.*', 'quick.orange.new.rabbit', false],
      ['*', '', false],
      ['*', 'a', true],
      ['#.b', 'b', true],
      ['#.b', 'a.x.b', true],
      ['a.#.b', 'a.b', true],
      ['a.#.b', 'a.x.y.b', true],
      ['a.#.b', 'a.x.y', false],
      ['#.#', '', true],
      ['a.*.#', 'a', false],
      ['a.*.#', 'a.b', true],
    ];
    for (const [pattern, key, want] of cases)
      expect([pattern, key, topicMatches(pattern, key)]).toEqual([pattern, key, want]);
  });
});

describe('R3 one copy per queue', () => {
  test('R3 a queue gets one copy even when two of its bindings match; keys matching nothing are lost', () => {
    const x = exchange('x', 'topic', [
      { queue: 'q2', key: '*.*.rabbit' },
      { queue: 'q2', key: 'lazy.#' },
      { queue: 'q2', key: '#' },
    ]);
    const { to, rep, events } = route(x, ['q2'], [{ routingKey: 'lazy.pink.rabbit' }]);
    expect(to(1)).toEqual(['q2']);
    expect(ofType(events, 'routed')[0]!.queues).toEqual(['q2']);
    expect(rep.totals.routedCopies).toBe(1);
  });

  test('R3 a fanout with the same queue bound twice still makes one copy', () => {
    const x = exchange('x', 'fanout', [{ queue: 'a' }, { queue: 'a' }, { queue: 'b' }]);
    const { to } = route(x, ['a', 'b'], [{}]);
    expect(to(1)).toEqual(['a', 'b']);
  });

  test('R3 reference scenario 1 (topic quiz): Q1 *.orange.*, Q2 *.*.rabbit and lazy.#', () => {
    const x = exchange('x', 'topic', [
      { queue: 'Q1', key: '*.orange.*' },
      { queue: 'Q2', key: '*.*.rabbit' },
      { queue: 'Q2', key: 'lazy.#' },
    ]);
    const keys = [
      'quick.orange.rabbit',
      'lazy.pink.rabbit',
      'quick.brown.fox',
      'lazy',
      'quick.orange.new.rabbit',
    ];
    const templates = keys.map((routingKey) => ({ routingKey }));
    const dropped = route(x, ['Q1', 'Q2'], templates);
    expect([1, 2, 3, 4, 5].map(dropped.to)).toEqual([['Q1', 'Q2'], ['Q2'], [], ['Q2'], []]);
    expect(dropped.rep.totals.notRouted.unroutable).toBe(2);
    expect(dropped.rep.queues.Q2!.enqueued).toBe(3);
    // With mandatory, the two lost ones come back to the publisher instead.
    const returned = route(x, ['Q1', 'Q2'], templates, { mandatory: true });
    const back = ofType(returned.events, 'unroutable').map((e) => [e.originId, e.outcome]);
    expect(back).toEqual([
      [3, 'returned'],
      [5, 'returned'],
    ]);
    expect(returned.rep.producers.p!.returned).toBe(2);
  });
});

describe('R4 headers exchange', () => {
  const bind = (match?: string, headers: Spec = { format: 'pdf', type: 'report' }) =>
    exchange('x', 'headers', [{ queue: 'q', headers, ...(match ? { match } : {}) }]);
  const msgs = [
    { headers: { format: 'pdf', type: 'report' } },
    { headers: { format: 'pdf' } },
    { headers: { format: 'zip', type: 'log' } },
    {},
    { headers: { format: 'pdf', type: 'report', extra: 1 } },
  ];
  const hits = (x: Spec, templates: Spec[] = msgs) => {
    const { to } = route(x, ['q'], templates);
    return templates.map((_t, i) => to(i + 1).length);
  };

  test('R4 x-match=all (the default) needs every binding header present and equal', () => {
    expect(hits(bind('all'))).toEqual([1, 0, 0, 0, 1]);
    expect(hits(bind())).toEqual([1, 0, 0, 0, 1]);
  });

  test('R4 x-match=any needs one equal header', () => {
    expect(hits(bind('any'))).toEqual([1, 1, 0, 0, 1]);
  });

  test('R4 the routing key is ignored', () => {
    const templates = [
      { routingKey: 'q', headers: { format: 'zip' } },
      { routingKey: 'nothing', headers: { format: 'pdf', type: 'report' } },
    ];
    expect(hits(bind('all'), templates)).toEqual([0, 1]);
  });

  test('R4 x- headers are ignored unless the match is all-with-x or any-with-x', () => {
    const headers = { format: 'pdf', 'x-tenant': 'acme' };
    const templates = [
      { headers: { format: 'pdf' } },
      { headers: { format: 'pdf', 'x-tenant': 'other' } },
      { headers: { format: 'pdf', 'x-tenant': 'acme' } },
      { headers: { format: 'doc', 'x-tenant': 'acme' } },
    ];
    expect(hits(bind('all', headers), templates)).toEqual([1, 1, 1, 0]);
    expect(hits(bind('all-with-x', headers), templates)).toEqual([0, 0, 1, 0]);
    expect(hits(bind('any', headers), templates)).toEqual([1, 1, 1, 0]);
    expect(hits(bind('any-with-x', headers), templates)).toEqual([1, 1, 1, 1]);
  });

  test('R4 an invalid x-match is either refused or read as all, never as any', () => {
    const raw = {
      version: 1,
      name: 'bad x-match',
      durationMs: 1000,
      nodes: [
        producer('p', 'x', 1, { templates: [{ headers: { format: 'pdf' } }] }),
        exchange('x', 'headers', [
          { queue: 'q', headers: { format: 'pdf', type: 'report' }, match: 'some' },
        ]),
        queue('q'),
      ],
    };
    const v = validateScenario(raw);
    if (!v.ok) {
      expect(v.errors.some((e) => e.includes('match'))).toBe(true);
      return;
    }
    expect(run(v.value).rep.queues.q!.enqueued).toBe(0);
  });

  test('R4 reference scenario 2: {format:pdf} matches only the any binding; an x- header changes nothing', () => {
    const x = exchange('x', 'headers', [
      { queue: 'all', headers: { format: 'pdf', type: 'report' }, match: 'all' },
      { queue: 'any', headers: { format: 'pdf', type: 'report' }, match: 'any' },
    ]);
    const { to } = route(
      x,
      ['all', 'any'],
      [
        { headers: { format: 'pdf' } },
        { headers: { format: 'pdf', 'x-type': 'report' } },
        { headers: { format: 'pdf', type: 'report', 'x-priority': 9 } },
      ],
    );
    expect([1, 2, 3].map(to)).toEqual([['any'], ['any'], ['all', 'any']]);
  });
});
