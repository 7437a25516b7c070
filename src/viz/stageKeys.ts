/**
 * Moving the focused node with the keyboard, for people who cannot drag: Shift + an arrow key
 * moves it NODE_STEP layout units, Shift + Alt + an arrow NODE_STEP_BIG. Plain arrows stay the
 * page's step keys (→ steps a tick, ← steps back), so moving needs Shift; Shift + → alone would
 * be "step to the next event", which the stage stops from reaching the page while a node has
 * focus (and the lesson keys leave it alone: isNodeMoveKey). The move goes through the same
 * offsets as a drag (clampMove over the node's drag group), so edges, words, depth bars and
 * moving messages follow it, it stays inside the picture, and Reset layout undoes it.
 */
import type { Point } from './edgeGeometry';
import type { Layout } from './layout';
import { clampMove, dragGroup, type DraggedLayoutAccess, type Offsets } from './layoutDrag';

/** One press of Shift + an arrow, in layout units (about a third of a queue's height). */
export const NODE_STEP = 10;
/** One press of Shift + Alt + an arrow. */
export const NODE_STEP_BIG = 50;

const DIRECTIONS: Readonly<Record<string, Point>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The modifier state of a key press (a KeyboardEvent has it). */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** How far a key press moves a node (layout units), or null: not a move key. */
export function nodeMoveStep(e: KeyPress): Point | null {
  const dir = DIRECTIONS[e.key];
  if (!dir || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const step = e.altKey ? NODE_STEP_BIG : NODE_STEP;
  return [dir[0] * step, dir[1] * step];
}

/** True when a key press would move the stage node it was pressed on. */
export function isNodeMoveKey(e: KeyPress & { target: EventTarget | null }): boolean {
  return (
    nodeMoveStep(e) !== null &&
    e.target instanceof Element &&
    e.target.closest('[data-node-id]') !== null
  );
}

export interface KeyMove {
  offsets: Record<string, Point>;
  /** The node's offset after the move (where it is relative to its computed place). */
  at: Point;
  /** True when the edge of the picture shortened the move (possibly to nothing). */
  blocked: boolean;
}

/** The offsets after moving the node `id` (and its drag group) by `step`; null: no such node. */
export function keyMove(layout: Layout, offsets: Offsets, id: string, step: Point): KeyMove | null {
  const ids = dragGroup(layout, id);
  if (ids.length === 0) return null;
  const next = clampMove(layout, offsets, ids, step[0], step[1]);
  const before = offsets[id] ?? [0, 0];
  const at = next[id] ?? [0, 0];
  const blocked = at[0] - before[0] !== step[0] || at[1] - before[1] !== step[1];
  return { offsets: next, at, blocked };
}

const part = (n: number, plus: string, minus: string) =>
  n === 0 ? '' : `${Math.round(Math.abs(n))} ${n > 0 ? plus : minus}`;

/** What a screen reader hears after a move: where the node is now, relative to its place. */
export function moveWords(label: string, move: KeyMove): string {
  const where = [part(move.at[0], 'right', 'left'), part(move.at[1], 'down', 'up')]
    .filter(Boolean)
    .join(' and ');
  const place = where === '' ? `${label} is in its place` : `${label} is ${where} of its place`;
  return move.blocked ? `${place}, at the edge of the picture.` : `${place}.`;
}

export interface StageKeysOptions extends DraggedLayoutAccess {
  /** The stage element: key presses on its nodes bubble here. */
  element: HTMLElement;
  /** Tell screen-reader users where the node went (a polite live region). */
  say(text: string): void;
}

/** Listen for move keys on the stage's nodes; returns the function that stops listening. */
export function attachStageKeys(o: StageKeysOptions): () => void {
  const onKey = (e: KeyboardEvent) => {
    const step = nodeMoveStep(e);
    if (!step) return;
    const node = (e.target as Element | null)?.closest?.('[data-node-id]');
    const id = node && o.element.contains(node) ? node.getAttribute('data-node-id') : null;
    if (!id) return;
    // Handled here: the page's keys (Shift + → steps to the next event) must not see it.
    e.preventDefault();
    e.stopPropagation();
    const before = o.offsets();
    const move = keyMove(o.base(), before, id, step);
    if (!move) return;
    const was = before[id] ?? [0, 0];
    // At the edge already: nothing changes (no new layout), but the reader still hears why.
    if (move.at[0] !== was[0] || move.at[1] !== was[1]) o.setOffsets(move.offsets);
    o.say(moveWords(o.base().nodeById.get(id)?.label ?? id, move));
  };
  o.element.addEventListener('keydown', onKey);
  return () => o.element.removeEventListener('keydown', onKey);
}
