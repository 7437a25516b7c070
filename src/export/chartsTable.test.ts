import { describe, expect, it } from 'vitest';
import { chartsTable } from './chartsTable';

describe('chartsTable', () => {
  it('writes one row per point of every line, gaps empty', () => {
    const t = chartsTable([
      {
        kind: 'orders',
        lines: [
          {
            id: 'failed',
            label: 'orders failed /s',
            points: [
              [1, 0],
              [2, 3.1234567],
            ],
          },
          { id: 'completed', label: 'completed /s', points: [[1, null]] },
        ],
      },
      { kind: 'busy', lines: [] },
    ]);
    expect(t.header).toEqual(['chart', 'line', 'label', 'time_s', 'value']);
    expect(t.rows).toEqual([
      ['orders', 'failed', 'orders failed /s', 1, 0],
      ['orders', 'failed', 'orders failed /s', 2, 3.123457],
      ['orders', 'completed', 'completed /s', 1, null],
    ]);
  });
});
