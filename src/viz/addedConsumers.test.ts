/** Consumers added by inputs in the picture: a node next to its template, its status words. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios';
import { addedConsumers, nextConsumerId, scaledStatus, withAddedConsumers } from './addedConsumers';
import { computeLayout } from './layout';

const base = { lines: ['1/1 busy', ''] as [string, string], down: false, warn: false, depth: null };

describe('added consumers', () => {
  const sc = loadPreset('work-queue');
  const timeline = [
    { tick: 10, input: { type: 'consumerAdded', consumerId: 'worker-4', like: 'worker-1' } },
    { tick: 20, input: { type: 'consumerAdded', consumerId: 'worker-5', like: 'worker-1' } },
    { tick: 30, input: { type: 'consumerRemoved', consumerId: 'worker-2' } },
  ];

  it('puts each new consumer after its template and its earlier copies, with its edge', () => {
    const shown = withAddedConsumers(sc, addedConsumers(sc, timeline));
    expect(shown.nodes.map((n) => n.id)).toEqual([
      'jobs',
      'tasks',
      'worker-1',
      'worker-4',
      'worker-5',
      'worker-2',
      'worker-3',
    ]);
    const layout = computeLayout(shown);
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(at('worker-4').x).toBe(at('worker-1').x);
    expect(at('worker-4').y).toBeGreaterThan(at('worker-1').y);
    expect(at('worker-4').y).toBeLessThan(at('worker-2').y);
    expect(layout.edges.some((e) => e.from === 'tasks' && e.to === 'worker-4')).toBe(true);
    // The scenario itself is untouched.
    expect(sc.nodes).toHaveLength(5);
  });

  it('proposes the first free id after the one it copies', () => {
    const taken = new Set(['worker-1', 'worker-2', 'worker-3']);
    expect(nextConsumerId('worker-2', taken)).toBe('worker-4');
    expect(nextConsumerId('worker-3', taken)).toBe('worker-4');
    expect(nextConsumerId('billing', new Set(['billing', 'billing-2']))).toBe('billing-3');
    expect(nextConsumerId('c9', new Set())).toBe('c10');
  });

  it('says "removed" once removed and "not added yet" before it exists', () => {
    const raw = { id: 'worker-4', addedLike: { id: 'worker-1' } };
    expect(scaledStatus(null, raw, base)).toMatchObject({
      absent: true,
      lines: ['not added yet', 'like worker-1'],
    });
    expect(scaledStatus({ removed: false, busy: 1 }, raw, base)).toBe(base);
    expect(scaledStatus({ removed: true, busy: 1 }, raw, base)).toMatchObject({
      removed: true,
      lines: ['removed', 'finishing 1'],
    });
    expect(scaledStatus({ removed: true, busy: 0 }, undefined, base).lines).toEqual([
      'removed',
      'gone',
    ]);
  });
});
