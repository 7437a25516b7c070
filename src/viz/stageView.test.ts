/** Zoom and pan of the stage: the point under the cursor stays put; bounds hold. */
import { describe, expect, it } from 'vitest';
import { clampView, FIT_VIEW, panBy, ZOOM_MAX, ZOOM_MIN, zoomAt, zoomCentre } from './stageView';

const size = { width: 1000, height: 500 };
/** Where a layout point lands in the window, as a fraction of its width and height. */
const onScreen = (v: { x: number; y: number; k: number }, p: [number, number]) => [
  ((p[0] - v.x) * v.k) / size.width,
  ((p[1] - v.y) * v.k) / size.height,
];

describe('stage view', () => {
  it('zooms around the point under the cursor', () => {
    const p: [number, number] = [700, 120];
    const v = zoomAt(FIT_VIEW, 2, p[0], p[1], size);
    expect(v.k).toBe(2);
    const [a, b] = onScreen(FIT_VIEW, p);
    const [c, d] = onScreen(v, p);
    expect(c).toBeCloseTo(a!);
    expect(d).toBeCloseTo(b!);
    // And back out to where it was.
    const back = zoomAt(v, 0.5, p[0], p[1], size);
    expect(back.x).toBeCloseTo(0);
    expect(back.y).toBeCloseTo(0);
  });

  it('keeps the zoom within its bounds', () => {
    expect(zoomCentre(FIT_VIEW, 1000, size).k).toBe(ZOOM_MAX);
    expect(zoomCentre(FIT_VIEW, 0.001, size).k).toBe(ZOOM_MIN);
    expect(clampView({ x: Number.NaN, y: 0, k: Number.POSITIVE_INFINITY }, size).k).toBe(1);
  });

  it('pans, but keeps the middle of the window over the picture', () => {
    const v = zoomCentre(FIT_VIEW, 2, size);
    const moved = panBy(v, 100, 0, size);
    expect(moved.x).toBeCloseTo(v.x + 100);
    const far = panBy(v, 1e6, 1e6, size);
    expect(far.x + size.width / far.k / 2).toBeCloseTo(size.width);
    expect(far.y + size.height / far.k / 2).toBeCloseTo(size.height);
  });
});
