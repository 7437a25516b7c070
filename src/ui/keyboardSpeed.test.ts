import { describe, expect, it } from 'vitest';
import { SPEED_FASTEST, SPEED_STEPS } from '../store';
import { SHORTCUTS, stepSpeed } from './useKeyboardShortcuts';

describe('+ and − change the speed a step', () => {
  it('moves one step along the speed list and stops at its ends', () => {
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(0.1, -1)).toBe(0.1);
    expect(stepSpeed(SPEED_FASTEST, 1)).toBe(SPEED_FASTEST);
    expect(stepSpeed(SPEED_FASTEST, -1)).toBe(100);
    // A speed between steps goes to the next step each way.
    expect(stepSpeed(3, 1)).toBe(5);
    expect(stepSpeed(3, -1)).toBe(2);
    for (let i = 0; i + 1 < SPEED_STEPS.length; i++)
      expect(stepSpeed(SPEED_STEPS[i]!, 1)).toBe(SPEED_STEPS[i + 1]);
  });

  it('lists every key it answers in the ? dialog', () => {
    const keys = SHORTCUTS.map((s) => s.keys.join('+'));
    for (const k of ['Space', '→', '←', 'Shift+→', 'Shift+Arrow keys', '+', '−', '?', 'Esc'])
      expect(keys).toContain(k);
  });
});
