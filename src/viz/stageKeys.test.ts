/**
 * Keyboard moves of a stage node: which keys move and how far, the same clamped offsets as a
 * drag (a badge takes its region along), and what a screen reader hears.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios';
import { computeLayout } from './layout';
import { bottomOf, clampMove, movedLayout } from './layoutDrag';
import { keyMove, moveWords, NODE_STEP, NODE_STEP_BIG, nodeMoveStep } from './stageKeys';

const press = (key: string, mods: Partial<Record<'shift' | 'alt' | 'ctrl' | 'meta', boolean>>) => ({
  key,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
});

describe('node move keys', () => {
  it('moves with Shift + an arrow, further with Alt too', () => {
    expect(nodeMoveStep(press('ArrowRight', { shift: true }))).toEqual([NODE_STEP, 0]);
    expect(nodeMoveStep(press('ArrowLeft', { shift: true }))).toEqual([-NODE_STEP, 0]);
    expect(nodeMoveStep(press('ArrowUp', { shift: true }))).toEqual([0, -NODE_STEP]);
    expect(nodeMoveStep(press('ArrowDown', { shift: true, alt: true }))).toEqual([
      0,
      NODE_STEP_BIG,
    ]);
    expect(NODE_STEP_BIG).toBeGreaterThan(NODE_STEP);
  });

  it('leaves plain arrows (the step keys) and other chords alone', () => {
    expect(nodeMoveStep(press('ArrowRight', {}))).toBeNull();
    expect(nodeMoveStep(press('ArrowLeft', { alt: true }))).toBeNull();
    expect(nodeMoveStep(press('ArrowUp', { shift: true, ctrl: true }))).toBeNull();
    expect(nodeMoveStep(press('ArrowDown', { shift: true, meta: true }))).toBeNull();
    expect(nodeMoveStep(press('PageDown', { shift: true }))).toBeNull();
    expect(nodeMoveStep(press('+', { shift: true }))).toBeNull();
  });
});

describe('keyMove', () => {
  const base = computeLayout(loadPreset('retry-backoff-dlq'));

  it('adds the step to the offset the node already has, as a drag would', () => {
    const first = keyMove(base, {}, 'payment', [0, NODE_STEP])!;
    expect(first.offsets.payment).toEqual([0, NODE_STEP]);
    expect(first.blocked).toBe(false);
    const second = keyMove(base, first.offsets, 'payment', [-NODE_STEP, 0])!;
    expect(second.at).toEqual([-NODE_STEP, NODE_STEP]);
    expect(second.offsets).toEqual(clampMove(base, first.offsets, ['payment'], -NODE_STEP, 0));
    // The moved layout puts the node there.
    const n0 = base.nodeById.get('payment')!;
    const n1 = movedLayout(base, second.offsets).nodeById.get('payment')!;
    expect([n1.x - n0.x, n1.y - n0.y]).toEqual([-NODE_STEP, NODE_STEP]);
  });

  it('stops at the edge of the picture and says so', () => {
    const n = base.nodeById.get('payment')!;
    const room = bottomOf(base) - (n.y + n.h / 2);
    let offsets = {};
    let last = keyMove(base, offsets, 'payment', [0, NODE_STEP_BIG])!;
    for (let i = 0; i < 100 && !last.blocked; i++) {
      offsets = last.offsets;
      last = keyMove(base, offsets, 'payment', [0, NODE_STEP_BIG])!;
    }
    expect(last.blocked).toBe(true);
    expect(last.at[1]).toBeCloseTo(Math.max(0, room));
    expect(moveWords('Payment', last)).toMatch(/at the edge of the picture\.$/);
  });

  it('moves a badge with its whole region', () => {
    const inside = base.nodes.filter((n) => n.kind === 'queue' || n.kind === 'exchange');
    expect(inside.length).toBeGreaterThan(0);
    const move = keyMove(base, {}, base.brokerId, [NODE_STEP, 0])!;
    for (const n of inside) expect(move.offsets[n.id]).toEqual([NODE_STEP, 0]);
  });

  it('knows no node it was not given', () => {
    expect(keyMove(base, {}, 'no-such-node', [NODE_STEP, 0])).toBeNull();
  });
});

describe('moveWords', () => {
  it('says where the node is relative to its place', () => {
    const at = (x: number, y: number) => ({
      offsets: {},
      at: [x, y] as [number, number],
      blocked: false,
    });
    expect(moveWords('Tasks', at(20, -10))).toBe('Tasks is 20 right and 10 up of its place.');
    expect(moveWords('Tasks', at(-50, 0))).toBe('Tasks is 50 left of its place.');
    expect(moveWords('Tasks', at(0, 0))).toBe('Tasks is in its place.');
  });
});
