import { describe, expect, it } from 'vitest';
import { lastPoint, placeLabels, type LineEnd } from './chartLabels';

const end = (id: string, y: number): LineEnd => ({ id, label: id, color: 0, x: 100, y });

describe('direct labels on chart lines', () => {
  it('takes the last point with a value', () => {
    expect(
      lastPoint([
        [1, 2],
        [2, 5],
        [3, null],
      ]),
    ).toEqual([2, 5]);
    expect(lastPoint([[1, null]])).toBeNull();
  });

  it('keeps labels apart, in order, inside the plot', () => {
    const placed = placeLabels([end('a', 50), end('b', 52), end('c', 200)], 15, 10, 100);
    const y = Object.fromEntries(placed.map((p) => [p.id, p.labelY]));
    expect(y.a).toBe(50);
    expect(y.b).toBe(65);
    expect(y.c).toBe(100);
    // Crowded at the bottom: pulled back up, still 15 apart.
    const low = placeLabels([end('a', 98), end('b', 99), end('c', 100)], 15, 10, 100);
    expect(low.map((p) => p.labelY)).toEqual([70, 85, 100]);
  });
});
