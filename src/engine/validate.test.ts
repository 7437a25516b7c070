import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseScenario, validateInput, validateScenario, validateTimeline } from './validate';

/** The scenario from the foundation issue: it must always load. */
const example = {
  version: 1,
  name: 'Two payment workers',
  seed: 7,
  durationMs: 600000,
  nodes: [
    {
      id: 'orders',
      kind: 'producer',
      to: 'payments',
      arrival: { dist: 'exponential', meanMs: 12.5 },
    },
    { id: 'payments', kind: 'queue' },
    {
      id: 'payment',
      kind: 'consumer',
      from: 'payments',
      concurrency: 2,
      prefetch: 1,
      service: { dist: 'exponential', meanMs: 20 },
    },
  ],
};

type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[] };
const clone = (): Doc => JSON.parse(JSON.stringify(example)) as Doc;
const withNode = (i: number, patch: Record<string, unknown>) => {
  const d = clone();
  d.nodes[i] = { ...d.nodes[i], ...patch };
  return d;
};

describe('valid scenarios', () => {
  test('the example from the issue loads', () => {
    const r = validateScenario(example);
    expect(r.ok).toBe(true);
  });
  test('every distribution loads', () => {
    for (const service of [
      { dist: 'constant', ms: 5 },
      { dist: 'uniform', minMs: 1, maxMs: 9 },
      { dist: 'exponential', meanMs: 3 },
      { dist: 'lognormal', meanMs: 3, sigma: 0.5 },
    ])
      expect(validateScenario(withNode(2, { service })).ok).toBe(true);
  });
});

describe('invalid scenarios are rejected with every problem, each naming path and reason', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'negative mean',
      withNode(2, { service: { dist: 'exponential', meanMs: -3 } }),
      ['nodes[2].service.meanMs: must be a positive number, got -3'],
    ],
    [
      'unknown node in to',
      withNode(0, { to: 'nowhere' }),
      ['nodes[0].to: unknown node id "nowhere"'],
    ],
    ['duplicate id', withNode(2, { id: 'orders' }), ['nodes[2].id: duplicate id "orders"']],
    [
      'to names a consumer',
      withNode(0, { to: 'payment' }),
      [
        'nodes[0].to: "payment" is a consumer; a producer\'s "to" must name a queue, an exchange, a service or a topic',
      ],
    ],
    [
      'from names a producer',
      withNode(2, { from: 'orders' }),
      ['nodes[2].from: "orders" is a producer; a consumer\'s "from" must name a queue or a topic'],
    ],
    [
      'unknown kind',
      withNode(1, { kind: 'database' }),
      [
        'nodes[1].kind: must be one of producer, exchange, queue, consumer, broker, service, got "database"',
      ],
    ],
    [
      'unknown distribution',
      withNode(0, { arrival: { dist: 'poisson', meanMs: 1 } }),
      [
        'nodes[0].arrival.dist: must be one of constant, uniform, exponential, lognormal, got "poisson"',
      ],
    ],
    [
      'missing field',
      withNode(2, { service: { dist: 'constant' } }),
      ['nodes[2].service.ms: is required'],
    ],
    [
      'unknown field (typo)',
      withNode(2, { prefetchCount: 3 }),
      ['nodes[2].prefetchCount: is not a known field'],
    ],
    [
      'uniform with max < min',
      withNode(2, { service: { dist: 'uniform', minMs: 5, maxMs: 2 } }),
      ['nodes[2].service: maxMs (2) must be at least minMs (5)'],
    ],
    [
      'fractional concurrency',
      withNode(2, { concurrency: 1.5 }),
      ['nodes[2].concurrency: must be an integer from 1 to 1000, got 1.5'],
    ],
    [
      'negative prefetch',
      withNode(2, { prefetch: -1 }),
      ['nodes[2].prefetch: must be an integer from 0 to 10000, got -1'],
    ],
    [
      'huge concurrency is capped',
      withNode(2, { concurrency: 1e6 }),
      ['nodes[2].concurrency: must be an integer from 1 to 1000, got 1000000'],
    ],
    ['wrong version', { ...clone(), version: 2 }, ['version: must be 1, got 2']],
    [
      'string duration',
      { ...clone(), durationMs: '10s' },
      ['durationMs: must be a positive number, got "10s"'],
    ],
    [
      'too long a run',
      { ...clone(), durationMs: 1e12 },
      ['durationMs: must be at most 604800000, got 1000000000000'],
    ],
    ['no nodes', { ...clone(), nodes: [] }, ['nodes: must hold at least one node']],
    ['not an object', 42, ['(scenario): must be an object, got 42']],
    [
      'bad id characters',
      withNode(1, { id: '<script>' }),
      [
        "nodes[1].id: must be a node id: a letter, then up to 63 letters, digits, '_', '.' or '-', got \"<script>\"",
        'nodes[0].to: unknown node id "payments"',
        'nodes[2].from: unknown node id "payments"',
      ],
    ],
    [
      'prototype key',
      JSON.parse(
        '{"version":1,"name":"x","durationMs":5,"nodes":[{"id":"q","kind":"queue"}],"__proto__":{"polluted":true}}',
      ),
      ['__proto__: is not a known field'],
    ],
    [
      'producer that would never stop',
      withNode(0, { arrival: { dist: 'constant', ms: 0 } }),
      [
        'nodes[0].arrival: a producer without a count needs gaps above 0 ms, or it would publish forever at one instant',
      ],
    ],
    [
      'schedule after the end',
      {
        ...clone(),
        durationMs: 1000,
        schedule: [{ atMs: 5000, input: { type: 'consumerCrashed', consumerId: 'payment' } }],
      },
      ['schedule[0].atMs: must be within durationMs (1000), got 5000'],
    ],
    [
      'schedule names a queue as consumer',
      {
        ...clone(),
        schedule: [{ atMs: 5, input: { type: 'consumerCrashed', consumerId: 'payments' } }],
      },
      ['schedule[0].input.consumerId: "payments" is a queue; consumerId must name a consumer'],
    ],
  ];
  test.each(cases)('%s', (_name, doc, expected) => {
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(expected);
  });

  test('several problems are all listed at once', () => {
    const d = clone();
    d.nodes[0] = { ...d.nodes[0], to: 'ghost' };
    d.nodes[2] = { ...d.nodes[2], service: { dist: 'exponential', meanMs: -3 }, concurrency: 0 };
    d.nodes.push({ id: 'payments', kind: 'queue' });
    const r = validateScenario(d);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(
        expect.arrayContaining([
          'nodes[2].concurrency: must be an integer from 1 to 1000, got 0',
          'nodes[2].service.meanMs: must be a positive number, got -3',
          'nodes[3].id: duplicate id "payments"',
          'nodes[0].to: unknown node id "ghost"',
        ]),
      );
  });

  test('text that is not JSON is reported, not thrown', () => {
    const r = parseScenario('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^\(scenario\): not valid JSON/);
  });
});

describe('random junk never produces anything but a validation error', () => {
  test('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        const r = validateScenario(junk);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e).toMatch(/^\S.*: .+/);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('mutations of a valid scenario either load or explain themselves', () => {
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(undefined, -1, 0, 1e308, '', 'payments', '__proto__'),
    );
    fc.assert(
      fc.property(
        fc.nat(2),
        fc.constantFrom(
          'id',
          'kind',
          'to',
          'from',
          'arrival',
          'service',
          'concurrency',
          'prefetch',
          'count',
          'bursts',
          'x',
        ),
        leaf,
        (i, key, value) => {
          const r = validateScenario(withNode(i, { [key]: value }));
          if (!r.ok) for (const e of r.errors) expect(e).toMatch(/^(nodes|\(scenario\)).*?: .+/);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('arbitrary text given to the parser', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(parseScenario(text).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inputs and timelines', () => {
  const scenario = (() => {
    const r = validateScenario(example);
    if (!r.ok) throw new Error('example must load');
    return r.value;
  })();
  test('a valid input passes; a wrong id or kind is named', () => {
    expect(validateInput({ type: 'consumerCrashed', consumerId: 'payment' }, scenario).ok).toBe(
      true,
    );
    const wrong = validateInput({ type: 'consumerCrashed', consumerId: 'orders' }, scenario);
    expect(wrong).toEqual({
      ok: false,
      errors: ['input.consumerId: "orders" is a producer, not a consumer'],
    });
    const bad = validateInput({ type: 'explode' }, scenario);
    expect(bad.ok).toBe(false);
  });
  test('timelines are sorted by tick, stable within a tick, and every bad entry is named', () => {
    const ok = validateTimeline(
      [
        { tick: 5, input: { type: 'producerPaused', producerId: 'orders' } },
        { tick: 1, input: { type: 'consumerCrashed', consumerId: 'payment' } },
        { tick: 1, input: { type: 'consumerRestarted', consumerId: 'payment' } },
      ],
      scenario,
    );
    expect(ok.ok && ok.value.map((x) => x.input.type)).toEqual([
      'consumerCrashed',
      'consumerRestarted',
      'producerPaused',
    ]);
    const bad = validateTimeline(
      [
        { tick: -1 },
        { tick: 2, input: { type: 'rateChanged', producerId: 'orders', ratePerSec: 0 } },
      ],
      scenario,
    );
    expect(bad).toEqual({
      ok: false,
      errors: [
        'inputs[0].tick: must be an integer >= 0, got -1',
        'inputs[1].input.ratePerSec: must be a positive number, got 0',
      ],
    });
  });
});
