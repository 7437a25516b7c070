/**
 * idempotent-consumer: publisher retries on a missing confirm duplicate messages (the broker
 * confirms only after its disk write); an idempotent consumer (P2) applies each effect once.
 */
import { describe, expect, test } from 'vitest';
import { expectCleanEnd, ofType, presetRun } from './support';

describe('idempotent-consumer: duplicates from publisher retries, charged twice or once', () => {
  const run = presetRun('idempotent-consumer');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the publisher gives up waiting for confirms and sends again, so messages arrive twice', () => {
    const { rep, events } = run();
    const orders = rep.producers.orders!;
    expect(orders.missingConfirms).toBeGreaterThan(100);
    expect(orders.retries).toBe(ofType(events, 'publishRetried').length);
    // Each queue gets every attempt that arrived: more copies than messages.
    expect(rep.queues['billing-plain']!.enqueued).toBeGreaterThan(orders.published * 1.3);
  });

  test('the plain consumer applies the effect again for each duplicate', () => {
    const ledger = run().rep.queues['billing-plain']!.ledger;
    expect(ledger.duplicated).toBeGreaterThan(100);
    expect(ledger.extraEffects).toBeGreaterThanOrEqual(ledger.duplicated);
    expect(ledger.lost).toBe(0);
  });

  test('the idempotent consumer acks the duplicates without applying them: exactly once for every message', () => {
    const { rep } = run();
    const ledger = rep.queues['billing-dedup']!.ledger;
    const plain = rep.queues['billing-plain']!.ledger;
    expect(ledger.duplicated).toBe(0);
    expect(ledger.lost).toBe(0);
    expect(ledger.exactlyOnce).toBe(plain.exactlyOnce + plain.duplicated);
    // It skipped as many duplicates as the plain consumer applied extra effects.
    expect(rep.consumers.dedup!.duplicatesSkipped).toBe(plain.extraEffects);
  });
});
