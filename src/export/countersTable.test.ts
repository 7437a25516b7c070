import { describe, expect, it } from 'vitest';
import { advanceTo, createSim, report } from '../engine';
import { loadPreset } from '../scenarios';
import { countersTable } from './countersTable';

describe('countersTable', () => {
  it('lists every number of the report with its section and node', () => {
    const r = {
      scenario: 'x',
      tick: 5,
      totals: { acked: 3, gone: { expired: 2 } },
      queues: { orders: { depth: 1, readyByPriority: [1, 0], ledger: { lostIds: [7], lost: 1 } } },
      consumers: { w1: { up: false } },
    };
    const t = countersTable(r, new Set(['orders', 'w1']));
    expect(t.header).toEqual(['section', 'node', 'field', 'value']);
    expect(t.rows).toEqual([
      ['run', '', 'tick', 5],
      ['totals', '', 'acked', 3],
      ['totals', '', 'gone.expired', 2],
      ['queues', 'orders', 'depth', 1],
      ['queues', 'orders', 'readyByPriority.0', 1],
      ['queues', 'orders', 'readyByPriority.1', 0],
      ['queues', 'orders', 'ledger.lost', 1],
      ['consumers', 'w1', 'up', false],
    ]);
  });

  it('carries the fates of a real run (lost, dead-lettered ...)', () => {
    const scenario = loadPreset('retry-backoff-dlq');
    const sim = createSim(scenario);
    advanceTo(sim, 3000);
    const rep = report(sim);
    const t = countersTable(rep, new Set(scenario.nodes.map((n) => n.id)));
    const find = (section: string, field: string) =>
      t.rows.find((r) => r[0] === section && r[1] === '' && r[2] === field)?.[3];
    expect(find('totals', 'deadLettered')).toBe(rep.totals.deadLettered);
    expect(find('totals', 'acked')).toBe(rep.totals.acked);
    for (const [id, q] of Object.entries(rep.queues))
      expect(t.rows.find((r) => r[0] === 'queues' && r[1] === id && r[2] === 'depth')?.[3]).toBe(
        q.depth,
      );
  });
});
