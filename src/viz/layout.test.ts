/**
 * The layout reads any scenario generically: node kinds and linking fields it has never seen
 * (exchanges, dead-letter queues, brokers) still get columns, rows and edges.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine';
import { loadPreset, presetIds } from '../scenarios';
import { computeLayout, edgePoint } from './layout';

const broker = {
  version: 1,
  name: 'broker',
  durationMs: 1000,
  nodes: [
    { id: 'shop', kind: 'producer', to: 'orders-x' },
    { id: 'orders-x', kind: 'exchange', type: 'direct', bindings: [{ queue: 'orders', key: 'o' }] },
    { id: 'orders', kind: 'queue', deadLetterTo: 'dlq' },
    { id: 'dlq', kind: 'queue' },
    { id: 'billing', kind: 'consumer', from: 'orders' },
    { id: 'rabbit', kind: 'broker' },
  ],
} as unknown as Scenario;

describe('layout', () => {
  it('lays out every preset left to right, every producer and consumer linked', () => {
    for (const id of presetIds()) {
      const layout = computeLayout(loadPreset(id));
      const producers = layout.nodes.filter((n) => n.kind === 'producer');
      const consumers = layout.nodes.filter((n) => n.kind === 'consumer');
      expect(Math.max(...producers.map((n) => n.x))).toBeLessThan(
        Math.min(...consumers.map((n) => n.x)),
      );
      // Every producer and consumer is linked (to an exchange or a queue).
      for (const n of [...producers, ...consumers])
        expect(
          layout.edges.some((e) => e.from === n.id || e.to === n.id),
          `${id}: ${n.id}`,
        ).toBe(true);
    }
  });

  it('reads unknown kinds and linking fields generically', () => {
    const layout = computeLayout(broker);
    const x = (id: string) => layout.nodeById.get(id)!.x;
    expect(x('shop')).toBeLessThan(x('orders-x'));
    expect(x('orders-x')).toBeLessThan(x('orders'));
    expect(x('orders')).toBeLessThan(x('billing'));
    expect(x('orders')).toBeLessThan(x('dlq'));
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.field}`).sort()).toEqual([
      'orders-x>orders:bindings',
      'orders>billing:from',
      'orders>dlq:deadLetterTo',
      'shop>orders-x:to',
    ]);
    // A node with no link (the broker) gets a row of its own under the graph.
    const rabbit = layout.nodeById.get('rabbit')!;
    expect(rabbit.y).toBeGreaterThan(
      Math.max(...layout.nodes.filter((n) => n.id !== 'rabbit').map((n) => n.y)),
    );
    const e = layout.edgeBetween('shop', 'orders-x')!;
    expect(edgePoint(e, 0)).toEqual(e.source);
    expect(edgePoint(e, 1)).toEqual(e.target);
  });
});
