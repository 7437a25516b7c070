/**
 * The store reads engine events generically, so event types the engine adds later are logged,
 * animated and faded without changes: these tests feed it events it does not know.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../engine';
import { nodesOf, messageKey } from './eventFields';
import { createEventLog } from './eventLog';
import { fateOf } from './fates';
import { createFlightLog } from './flights';
import { tripsOf, type TripContext } from './trips';
import { buildJourney } from './journey';
import { hashId, sampleFlights } from './sample';
import { LOG_MAX_EVENTS, LOG_WINDOW_US } from './tuning';

const ev = (e: Record<string, unknown>) => e as unknown as SimEvent;
const ctx: TripContext = {
  linkUs: () => 10,
  hopUs: () => 5,
  queueOf: (c) => (c === 'c' ? 'q' : undefined),
  autoAck: (c) => c === 'auto',
  duplicateNow: () => false,
  isExchange: (id) => id.startsWith('x'),
  publishedTo: (o) => (o === 99 ? 'x-main' : undefined),
  clientOf: (s) => (s === 'order' ? 'customers' : undefined),
};
const tripOf = (e: SimEvent) => tripsOf(e, ctx)[0] ?? null;

describe('fates', () => {
  it('maps known types, and defaults unknown types with a reason to "gone"', () => {
    expect(fateOf(ev({ type: 'acked', atUs: 1, msgId: 3, queue: 'q', consumer: 'c' }))?.kind).toBe(
      'done',
    );
    // An expiry is a step: the copy is then dead-lettered (a move) or discarded (its end).
    expect(fateOf(ev({ type: 'expired', atUs: 1, msgId: 3, queue: 'q' }))).toEqual({
      kind: 'step',
      label: 'expired',
      node: 'q',
    });
    expect(
      fateOf(ev({ type: 'discarded', atUs: 1, msgId: 3, queue: 'q', reason: 'expired' })),
    ).toEqual({ kind: 'gone', label: 'discarded: expired', node: 'q' });
    expect(
      fateOf(ev({ type: 'lost', atUs: 1, msgId: 3, where: 'b', reason: 'brokerCrashed' })),
    ).toEqual({
      kind: 'gone',
      label: 'lost: brokerCrashed',
      node: 'b',
    });
    // A type nobody has told this file about, with a reason: gone, labelled by type and reason.
    expect(
      fateOf(ev({ type: 'evaporated', atUs: 1, msgId: 3, queue: 'q', reason: 'heat' })),
    ).toEqual({
      kind: 'gone',
      label: 'evaporated: heat',
      node: 'q',
    });
    expect(
      fateOf(ev({ type: 'requeued', atUs: 1, msgId: 3, queue: 'q', reason: 'nack' }))?.kind,
    ).toBe('step');
    expect(fateOf(ev({ type: 'teleported', atUs: 1, msgId: 3, queue: 'q' }))?.kind).toBe('step');
    expect(fateOf(ev({ type: 'brokerCrashed', atUs: 1, broker: 'b' }))).toBeNull();
  });
});

describe('trips', () => {
  it('reads known trips and the from/to default', () => {
    const pub = tripOf(
      ev({ type: 'published', atUs: 10, originId: 7, producer: 'p', to: 'x', arriveUs: 20 }),
    );
    expect(pub).toMatchObject({ from: 'p', to: 'x', msgId: null, originId: 7, state: 'new' });
    const retry = tripOf(
      ev({
        type: 'published',
        atUs: 10,
        msgId: 2,
        producer: 'p',
        queue: 'q',
        attempt: 2,
        arriveUs: 20,
      }),
    );
    expect(retry?.state).toBe('retrying');
    const moved = tripOf(
      ev({ type: 'redriven', atUs: 1, msgId: 4, previousId: 3, from: 'dlq', to: 'q' }),
    );
    expect(moved).toMatchObject({ from: 'dlq', to: 'q', arriveUs: 6, state: 'retrying' });
    expect(tripOf(ev({ type: 'enqueued', atUs: 1, msgId: 4, queue: 'q' }))).toBeNull();
    // An event type this file does not know, with arriveUs and from/to.
    const beamed = tripOf(
      ev({ type: 'beamed', atUs: 1, msgId: 4, from: 'a', to: 'b', arriveUs: 9 }),
    );
    expect(beamed).toMatchObject({ from: 'a', to: 'b', arriveUs: 9 });
  });

  it('routes copies as hops, dead letters to the DLQ, acks back to the queue', () => {
    const routed = tripsOf(
      ev({ type: 'routed', atUs: 20, originId: 5, exchange: 'x', queues: ['q1', 'q2'] }),
      ctx,
    );
    expect(routed.map((f) => `${f.from}>${f.to}@${f.arriveUs}`)).toEqual(['x>q1@25', 'x>q2@25']);
    // Routed by the alternate exchange of the one it was published to: two half hops.
    const alternate = tripsOf(
      ev({ type: 'routed', atUs: 20, originId: 99, exchange: 'x-alt', queues: ['q'] }),
      ctx,
    );
    expect(alternate.map((f) => `${f.from}>${f.to}@${f.departUs}-${f.arriveUs}`)).toEqual([
      'x-main>x-alt@20-22.5',
      'x-alt>q@22.5-25',
    ]);
    const dead = tripOf(
      ev({ type: 'deadLettered', atUs: 3, msgId: 7, from: 'q', to: 'dlq', reason: 'x', count: 1 }),
    );
    expect(dead).toMatchObject({ from: 'q', to: 'dlq', state: 'deadLettered' });
    const processed = (consumer: string, outcome: string, effect: string) =>
      ev({ type: 'processed', atUs: 30, msgId: 8, originId: 2, consumer, outcome, effect });
    expect(tripOf(processed('c', 'ok', 'applied'))).toMatchObject({
      from: 'c',
      to: 'q',
      departUs: 30,
      arriveUs: 40,
      state: 'ack',
    });
    expect(tripOf(processed('c', 'failed', 'none'))?.state).toBe('nack');
    expect(tripOf(processed('c', 'ok', 'duplicateSkipped'))?.state).toBe('duplicate');
    // Auto-ack: nothing goes back.
    expect(tripOf(processed('auto', 'ok', 'applied'))).toBeNull();
  });

  it('draws requests to a service and replies back, over at least a hop', () => {
    const request = (phase: string, caller: string | null, undo = false) =>
      ev({ type: 'request', atUs: 100, originId: 3, service: 'pay', caller, phase, undo });
    // The engine says "arrived" on arrival: the trip started one link latency before.
    expect(tripOf(request('arrived', 'order'))).toMatchObject({
      from: 'order',
      to: 'pay',
      departUs: 90,
      arriveUs: 100,
      originId: 3,
      state: 'request',
    });
    expect(tripOf(request('arrived', 'order', true))?.state).toBe('undo');
    expect(tripOf(request('replied', 'order'))).toMatchObject({
      from: 'pay',
      to: 'order',
      departUs: 100,
      arriveUs: 110,
      state: 'reply',
    });
    expect(tripOf(request('failed', 'order'))?.state).toBe('replyFailed');
    // A client order: the producer that sends to the service is the caller.
    const order = ev({
      type: 'request',
      atUs: 50,
      originId: 1,
      service: 'order',
      caller: null,
      phase: 'replied',
      undo: false,
    });
    expect(tripOf(order)).toMatchObject({ from: 'order', to: 'customers' });
    // A link shorter than a hop is drawn over a hop, so it can be seen.
    const short = { ...ctx, linkUs: () => 1, hopUs: () => 20 };
    expect(tripsOf(request('arrived', 'order'), short)[0]).toMatchObject({
      departUs: 99,
      arriveUs: 119,
    });
    const pub = ev({
      type: 'published',
      atUs: 10,
      originId: 7,
      producer: 'p',
      to: 'x',
      arriveUs: 11,
    });
    expect(tripsOf(pub, short)[0]?.arriveUs).toBe(30);
    expect(tripsOf(request('arrived', 'order'), { ...ctx, linkUs: () => 0 })).toEqual([]);
  });

  it('sends dead letters through a dead-letter exchange on to its queues', () => {
    const log = createFlightLog(ctx);
    log.push(ev({ type: 'deadLettered', atUs: 3, msgId: 7, originId: 2, from: 'q', to: 'x-dlx' }));
    log.push(ev({ type: 'enqueued', atUs: 3, msgId: 7, originId: 2, queue: 'dlq-a' }));
    log.push(ev({ type: 'enqueued', atUs: 3, msgId: 8, originId: 2, queue: 'dlq-b' }));
    expect(log.active(0).map((f) => `${f.from}>${f.to}@${f.departUs}-${f.arriveUs}`)).toEqual([
      'q>x-dlx@3-8',
      'x-dlx>dlq-a@8-13',
      'x-dlx>dlq-b@8-13',
    ]);
  });

  it('samples deterministically above the cap, and draws everything below it', () => {
    const flights = Array.from({ length: 5000 }, (_, i) => ({
      msgId: i + 1,
      originId: null,
      from: 'a',
      to: 'b',
      departUs: 0,
      arriveUs: 100,
      state: 'new',
    }));
    const a = sampleFlights(flights, 50, 1500);
    const b = sampleFlights([...flights].reverse(), 50, 1500);
    expect(a.total).toBe(5000);
    expect(a.drawn.length).toBeLessThanOrEqual(1500);
    expect(a.drawn.length).toBeGreaterThan(500);
    // The same messages, whatever order they come in.
    expect(new Set(a.drawn.map((f) => f.msgId))).toEqual(new Set(b.drawn.map((f) => f.msgId)));
    expect(sampleFlights(flights.slice(0, 100), 50, 1500).drawn.length).toBe(100);
    expect(hashId(1)).not.toBe(hashId(2));
  });
});

describe('event fields', () => {
  it('finds nodes in any field, and the message key', () => {
    const ids = new Set(['p', 'x', 'q1', 'q2']);
    const e = ev({
      type: 'routed',
      atUs: 1,
      originId: 9,
      exchange: 'x',
      queues: ['q1', 'q2'],
      reason: 'p',
    });
    expect(nodesOf(e, ids)).toEqual(['x', 'q1', 'q2']);
    expect(messageKey(e)).toBe(9);
  });
});

describe('event log', () => {
  it('keeps the last events within the window, at most LOG_MAX_EVENTS', () => {
    const log = createEventLog();
    for (let i = 0; i < LOG_MAX_EVENTS * 3; i++)
      log.push(ev({ type: 't', atUs: i * 10, msgId: i }));
    const view = log.view(LOG_MAX_EVENTS * 30);
    expect(view.length).toBe(LOG_MAX_EVENTS);
    expect(view.at(-1)?.atUs).toBe((LOG_MAX_EVENTS * 3 - 1) * 10);
    const late = log.view(LOG_WINDOW_US + (LOG_MAX_EVENTS * 3 - 5) * 10);
    expect(late.every((e) => e.atUs >= (LOG_MAX_EVENTS * 3 - 5) * 10)).toBe(true);
    expect(log.count()).toBe(LOG_MAX_EVENTS * 3);
  });

  it('builds a journey across copies through the origin id', () => {
    const log = [
      ev({ type: 'published', atUs: 1, originId: 5, producer: 'p', to: 'x', arriveUs: 2 }),
      ev({ type: 'routed', atUs: 2, originId: 5, exchange: 'x', queues: ['q'] }),
      ev({ type: 'enqueued', atUs: 2, msgId: 11, originId: 5, queue: 'q' }),
      ev({ type: 'enqueued', atUs: 3, msgId: 12, originId: 6, queue: 'q' }),
      ev({ type: 'expired', atUs: 9, msgId: 11, queue: 'q' }),
      ev({ type: 'discarded', atUs: 9, msgId: 11, originId: 5, queue: 'q', reason: 'expired' }),
    ];
    const j = buildJourney(log, { msgId: 11, originId: null });
    expect(j.steps.map((s) => s.type)).toEqual([
      'published',
      'routed',
      'enqueued',
      'expired',
      'discarded',
    ]);
    expect(j.complete).toBe(true);
    expect(j.ended).toBe('gone');
  });
});
