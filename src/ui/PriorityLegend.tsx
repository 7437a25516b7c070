/**
 * What the colours of a priority queue's depth bar mean: shown under the stage when the
 * scenario has a priority queue. The bar lists ready messages highest priority first (those
 * leave first), from deep red (high) to pale yellow (low).
 */
import { bandColor } from '../viz/depthBar';

const BANDS = 6;

export function PriorityLegend() {
  return (
    <p className="legend priority-legend" data-testid="priority-legend">
      <span>Queue bars by priority: high</span>
      <svg width={BANDS * 14} height="14" aria-hidden="true" className="legend-shape">
        {Array.from({ length: BANDS }, (_, b) => (
          <rect key={b} x={b * 14} y="1" width="14" height="12" fill={bandColor(b, BANDS)} />
        ))}
      </svg>
      <span>low</span>
    </p>
  );
}
