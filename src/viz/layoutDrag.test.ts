/**
 * Dragged layouts: edges recomputed from the moved boxes (dots use the same curves), regions and
 * badges following what is inside them, nodes kept inside the picture, nothing moved = the same.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset, presetIds } from '../scenarios';
import { computeLayout, edgePoint } from './layout';
import { bottomOf, clampMove, dragGroup, movedLayout } from './layoutDrag';
import { LOG_CLUSTER_ID } from './layoutTopics';

const near = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) < 1e-6;

describe('dragged layout', () => {
  it('is the layout itself when nothing moved', () => {
    const base = computeLayout(loadPreset('work-queue'));
    expect(movedLayout(base, {})).toBe(base);
    expect(movedLayout(base, { [base.nodes[0]!.id]: [0, 0] })).toBe(base);
  });

  it('moves a node and the ends of its edges, and leaves the other edges alone', () => {
    const base = computeLayout(loadPreset('retry-backoff-dlq'));
    const before = base.nodeById.get('payment')!;
    const moved = movedLayout(base, { payment: [-30, 60] });
    const after = moved.nodeById.get('payment')!;
    expect([after.x, after.y]).toEqual([before.x - 30, before.y + 60]);
    const into = moved.edgeBetween('payments', 'payment')!;
    const old = base.edgeBetween('payments', 'payment')!;
    // The edge ends at the moved consumer's left side, and starts where it did.
    expect(near(into.target, [after.x - after.w / 2, after.y])).toBe(true);
    expect(near(into.source, old.source)).toBe(true);
    // The dots' curve is the one the edge draws: its word sits on it.
    expect(near(into.labelAt, edgePoint(into, 0.55))).toBe(true);
    for (const e of moved.edges)
      if (e.from !== 'payment' && e.to !== 'payment') expect(e).toBe(base.edgeByKey.get(e.key));
  });

  it('keeps the broker region around a moved queue, with its badge on top', () => {
    const base = computeLayout(loadPreset('retry-backoff-dlq'));
    const r0 = base.region!;
    const moved = movedLayout(base, {
      payments: [0, 40],
      'payments-dlq': [0, 40],
    });
    expect(moved.region!.y).toBeCloseTo(r0.y + 40);
    expect(moved.region!.h).toBeCloseTo(r0.h);
    const badge0 = base.nodeById.get(base.brokerId)!;
    expect(moved.nodeById.get(base.brokerId)!.y).toBeCloseTo(badge0.y + 40);
    // Only one queue moved down: the region grows to hold both.
    const one = movedLayout(base, { 'payments-dlq': [0, 30] });
    expect(one.region!.y).toBeCloseTo(r0.y);
    expect(one.region!.h).toBeCloseTo(r0.h + 30);
  });

  it('drags a whole region from its badge, and a topic with its partition rows', () => {
    const base = computeLayout(loadPreset('kafka-lag'));
    const topics = base.nodes.filter((n) => n.kind === 'topic').map((n) => n.id);
    expect(topics.length).toBeGreaterThan(0);
    expect(dragGroup(base, LOG_CLUSTER_ID)).toEqual([...topics, LOG_CLUSTER_ID]);
    const t = topics[0]!;
    const moved = movedLayout(base, { [t]: [25, 0] });
    const port = moved.edges.find((e) => e.from.startsWith(`${t}#`))!;
    const was = base.edgeByKey.get(port.key)!;
    expect(port.source[0]).toBeCloseTo(was.source[0] + 25);
    expect(moved.logRegions[0]!.x).toBeCloseTo(base.logRegions[0]!.x + 25);
  });

  it('keeps every dragged node inside the picture, in every preset', () => {
    for (const id of presetIds()) {
      const base = computeLayout(loadPreset(id));
      const bottom = bottomOf(base);
      for (const n of base.nodes) {
        for (const [dx, dy] of [
          [-5000, -5000],
          [5000, 5000],
        ] as const) {
          const offsets = clampMove(base, {}, dragGroup(base, n.id), dx, dy);
          const m = movedLayout(base, offsets).nodeById.get(n.id)!;
          expect(m.x - m.w / 2, `${id}: ${n.id}`).toBeGreaterThanOrEqual(-1e-6);
          expect(m.x + m.w / 2, `${id}: ${n.id}`).toBeLessThanOrEqual(base.width + 1e-6);
          expect(m.y + m.h / 2, `${id}: ${n.id}`).toBeLessThanOrEqual(bottom + 1e-6);
          expect(m.y - m.h / 2, `${id}: ${n.id}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('adds a move to where the node already was', () => {
    const base = computeLayout(loadPreset('work-queue'));
    const id = base.nodes.find((n) => n.kind === 'consumer')!.id;
    const once = clampMove(base, {}, [id], 0, -10);
    const twice = clampMove(base, once, [id], 0, -10);
    expect(twice[id]![1]).toBeCloseTo(2 * once[id]![1]);
  });
});
