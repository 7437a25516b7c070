/**
 * Where the user has dragged the topology's nodes and how far it is zoomed, per scenario (by
 * name). This is view state, not part of the run: it is kept outside the simulation stores and
 * the engine, so scrubbing, time travel, a new seed and reloading the scenario keep the dragged
 * layout, and a link or a trace never carries it. A small vanilla store: the stage reads it
 * through a subscription (never React state per frame); the stage's buttons select from it.
 */
import { createStore } from 'zustand/vanilla';
import type { Point } from '../viz/edgeGeometry';
import { FIT_VIEW, type StageView } from '../viz/stageView';

export interface StageLayoutState {
  /** Offsets of dragged nodes (layout units), by scenario name, then node id. */
  offsets: Readonly<Record<string, Readonly<Record<string, Point>>>>;
  /** Zoom and pan, by scenario name. */
  views: Readonly<Record<string, StageView>>;
  setOffsets(scenario: string, offsets: Readonly<Record<string, Point>>): void;
  setView(scenario: string, view: StageView): void;
  /** Every node back where the layout puts it. */
  resetLayout(scenario: string): void;
}

const NONE: Readonly<Record<string, Point>> = Object.freeze({});

export function createStageLayout() {
  return createStore<StageLayoutState>()((set) => ({
    offsets: {},
    views: {},
    setOffsets: (scenario, offsets) =>
      set((s) => ({ offsets: { ...s.offsets, [scenario]: offsets } })),
    setView: (scenario, view) => set((s) => ({ views: { ...s.views, [scenario]: view } })),
    resetLayout: (scenario) =>
      set((s) => {
        const offsets = { ...s.offsets };
        delete offsets[scenario];
        return { offsets };
      }),
  }));
}

/** The page's one stage layout store (two stages of one scenario share their layout). */
export const stageLayout = createStageLayout();

export const offsetsOf = (s: StageLayoutState, scenario: string) => s.offsets[scenario] ?? NONE;
export const viewOf = (s: StageLayoutState, scenario: string) => s.views[scenario] ?? FIT_VIEW;
export const hasMoved = (s: StageLayoutState, scenario: string) =>
  Object.values(offsetsOf(s, scenario)).some(([x, y]) => x !== 0 || y !== 0);
