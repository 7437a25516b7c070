/**
 * The layout: columns in the order a message travels, dead-letter queues under the queues in
 * their column, the broker as a region with a badge (the implicit one too), edge words, and no
 * overlaps in any preset.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine';
import { loadPreset, presetIds } from '../scenarios';
import { computeLayout, EDGE_LABEL_PX, edgePoint, type NodeBox } from './layout';
import { addedPartitions } from './layoutTopics';

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

/** Boxes as [left, top, right, bottom], a node's tab (above its top) included. */
const box = (n: NodeBox) => [n.x - n.w / 2, n.y - n.h / 2 - 10, n.x + n.w / 2, n.y + n.h / 2];
const overlap = (a: number[], b: number[]) =>
  a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

describe('layout', () => {
  it('lays out every preset left to right without overlaps, inside its bounds', () => {
    for (const id of presetIds()) {
      const layout = computeLayout(loadPreset(id));
      const producers = layout.nodes.filter((n) => n.kind === 'producer');
      const consumers = layout.nodes.filter((n) => n.kind === 'consumer' || n.kind === 'member');
      if (consumers.length > 0)
        expect(Math.max(...producers.map((n) => n.x))).toBeLessThan(
          Math.min(...consumers.map((n) => n.x)),
        );
      const boxes = layout.nodes.map(box);
      boxes.forEach((a, i) => {
        expect(a[0], `${id}: ${layout.nodes[i]!.id} left`).toBeGreaterThanOrEqual(0);
        expect(a[2], `${id}: ${layout.nodes[i]!.id} right`).toBeLessThanOrEqual(layout.width);
        expect(a[3], `${id}: ${layout.nodes[i]!.id} bottom`).toBeLessThanOrEqual(layout.height);
        boxes.forEach((b, j) => {
          if (j > i)
            expect(overlap(a, b), `${id}: ${layout.nodes[i]!.id} / ${layout.nodes[j]!.id}`).toBe(
              false,
            );
        });
      });
      // Edge words sit clear of every node.
      for (const e of layout.edges) {
        const w = Math.max(...e.label.map((l) => l.length * EDGE_LABEL_PX * 0.56));
        const h = e.label.length * EDGE_LABEL_PX;
        const [x, y] = e.labelAt;
        const label = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
        if (e.label.length > 0)
          for (const b of boxes) expect(overlap(label, b), `${id}: label of ${e.key}`).toBe(false);
      }
      // Every producer and consumer is linked (to an exchange or a queue).
      for (const n of [...producers, ...consumers])
        expect(
          layout.edges.some((e) => e.from === n.id || e.to === n.id),
          `${id}: ${n.id}`,
        ).toBe(true);
    }
  });

  it('puts the DLQ under its queue, and the broker around exchanges and queues', () => {
    const layout = computeLayout(broker);
    const n = (id: string) => layout.nodeById.get(id)!;
    expect(n('shop').x).toBeLessThan(n('orders-x').x);
    expect(n('orders-x').x).toBeLessThan(n('orders').x);
    expect(n('orders').x).toBeLessThan(n('billing').x);
    expect(n('dlq').x).toBe(n('orders').x);
    expect(n('dlq').y).toBeGreaterThan(n('orders').y);
    expect(n('dlq').dlq).toBe(true);
    expect(n('orders').dlq).toBe(false);
    expect(
      layout.edges.map((e) => `${e.from}>${e.to}:${e.field}:${e.label.join('|')}`).sort(),
    ).toEqual([
      'orders-x>orders:bindings:o',
      'orders>billing:from:',
      'orders>dlq:deadLetterTo:DLX',
      'shop>orders-x:to:',
    ]);
    // The broker: a badge above everything, and a region holding the exchange and the queues.
    const rabbit = n('rabbit');
    expect(layout.brokerId).toBe('rabbit');
    expect(rabbit.y).toBeLessThan(
      Math.min(...layout.nodes.filter((x) => x !== rabbit).map((x) => x.y)),
    );
    const r = layout.region!;
    for (const id of ['orders-x', 'orders', 'dlq']) {
      expect(n(id).x - n(id).w / 2).toBeGreaterThan(r.x);
      expect(n(id).x + n(id).w / 2).toBeLessThan(r.x + r.w);
    }
    expect(n('shop').x + n('shop').w / 2).toBeLessThan(r.x);
    const e = layout.edgeBetween('shop', 'orders-x')!;
    expect(edgePoint(e, 0)).toEqual(e.source);
    expect(edgePoint(e, 1)).toEqual(e.target);
  });

  it('places services: a call chain left to right, consuming services after their queues', () => {
    const sync = computeLayout(loadPreset('compare-tight-coupling-sync'));
    const n = (l: typeof sync, id: string) => l.nodeById.get(id)!;
    expect(n(sync, 'orders').x).toBeLessThan(n(sync, 'order').x);
    for (const callee of ['inventory', 'payment', 'notification'])
      expect(n(sync, 'order').x).toBeLessThan(n(sync, callee).x);
    expect(sync.edges.map((e) => `${e.from}>${e.to}:${e.field}`).sort()).toEqual([
      'order>inventory:calls',
      'order>notification:calls',
      'order>payment:calls',
      'orders>order:to',
    ]);
    // Services only: no broker to draw.
    expect(sync.nodes.some((x) => x.kind === 'broker')).toBe(false);
    expect(sync.brokerId).toBe('');

    const async = computeLayout(loadPreset('compare-tight-coupling-async'));
    const r = async.region!;
    expect(n(async, 'order').x + n(async, 'order').w / 2).toBeLessThan(r.x);
    expect(n(async, 'payment').x - n(async, 'payment').w / 2).toBeGreaterThan(r.x + r.w);
    expect(async.edgeBetween('order', 'order_created')?.field).toBe('publish');
    expect(async.edgeBetween('payment-q', 'payment')?.field).toBe('from');

    // An effect named like a service is a word, not an edge.
    const hybrid = computeLayout(loadPreset('compare-hybrid-async'));
    expect(hybrid.edges.some((e) => e.field === 'effect')).toBe(false);
  });

  it('draws a topic as partition rows, with edges into and out of each row', () => {
    const layout = computeLayout(loadPreset('kafka-group-scaling'));
    const n = (id: string) => layout.nodeById.get(id)!;
    const topic = n('orders');
    expect(topic.kind).toBe('topic');
    expect(topic.rows).toBe(4);
    expect(n('worker-1').kind).toBe('member');
    expect(n('checkout').x).toBeLessThan(topic.x);
    for (const w of ['worker-1', 'worker-5']) expect(topic.x).toBeLessThan(n(w).x);
    for (let p = 0; p < 4; p++) {
      const into = layout.edgeBetween('checkout', `orders#${p}`)!;
      const out = layout.edgeBetween(`orders#${p}`, 'worker-5')!;
      // Each row's edges leave and enter at the row's height, on the topic's sides.
      expect(into.target[0]).toBeCloseTo(topic.x - topic.w / 2);
      expect(out.source[0]).toBeCloseTo(topic.x + topic.w / 2);
      expect(into.target[1]).toBeCloseTo(out.source[1]);
      if (p > 0)
        expect(into.target[1]).toBeGreaterThan(
          layout.edgeBetween('checkout', `orders#${p - 1}`)!.target[1],
        );
    }
    // The log brokers' badge over the topic, in their region; no queue broker.
    expect(layout.brokerId).toBe('');
    const badge = n('#log-brokers');
    expect(badge.kind).toBe('logCluster');
    expect(layout.logRegions).toHaveLength(1);
    const r = layout.logRegions[0]!;
    expect(topic.x - topic.w / 2).toBeGreaterThan(r.x);
    expect(badge.y).toBeLessThan(topic.y - topic.h / 2);
  });

  it('gives a partition added later its row from the start', () => {
    const scenario = loadPreset('kafka-group-scaling');
    const layout = computeLayout(scenario, { addedPartitions: new Map([['orders', 2]]) });
    expect(layout.nodeById.get('orders')!.rows).toBe(6);
    expect(layout.edgeBetween('orders#5', 'worker-1')).toBeDefined();
    // The key-partitioning preset adds one in its schedule.
    const keyed = loadPreset('kafka-key-partitioning');
    expect(
      computeLayout(keyed, { addedPartitions: addedPartitions(keyed) }).nodeById.get('orders')!
        .rows,
    ).toBe(4);
  });

  it('puts a read-process-write chain in order: topic, processor, topic, readers', () => {
    const layout = computeLayout(loadPreset('kafka-transactions'));
    const x = (id: string) => layout.nodeById.get(id)!.x;
    expect(x('payments-api')).toBeLessThan(x('payments'));
    expect(x('payments')).toBeLessThan(x('fraud-check'));
    expect(x('fraud-check')).toBeLessThan(x('checked-payments'));
    expect(x('checked-payments')).toBeLessThan(x('ledger-committed'));
    expect(layout.edgeBetween('fraud-check', 'checked-payments#1')?.field).toBe('output');
    // One region per column of topics: the processor between them stays outside.
    expect(layout.logRegions).toHaveLength(2);
    const f = layout.nodeById.get('fraud-check')!;
    for (const r of layout.logRegions)
      expect(f.x + f.w / 2 < r.x || f.x - f.w / 2 > r.x + r.w).toBe(true);
  });

  it('stacks the log above the broker when a topic and a queue share a column', () => {
    const layout = computeLayout(loadPreset('compare-hybrid-async'));
    const r = layout.region!;
    const log = layout.logRegions[0]!;
    expect(log.y + log.h).toBeLessThan(r.y);
    const topic = layout.nodeById.get('order_created')!;
    expect(topic.y + topic.h / 2).toBeLessThan(r.y);
    expect(layout.nodeById.get(layout.brokerId)!.y).toBeGreaterThan(log.y + log.h);
  });

  it('gives an implicit broker a badge with the engine id', () => {
    const layout = computeLayout(loadPreset('competing-consumers'));
    expect(layout.brokerId).toBe('broker');
    expect(layout.nodeById.get('broker')?.kind).toBe('broker');
  });
});
