/**
 * What the playback controls drive: one run (the store of the nearest SimStoreProvider) or the
 * compare view's pair (src/compare/comparePair.ts, which has this shape). The controls read a
 * few published fields through `view` with narrow selectors, call `actions`, and the timeline's
 * thumb follows `onFrame` without React. So one set of controls serves both pages.
 */
import { useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { PlaybackActions, SimStore, SimView } from '../store';
import { useSimStore } from './SimStoreContext';

export type PlaybackView = Pick<
  SimView,
  'playing' | 'finished' | 'tick' | 'endTick' | 'tickMs' | 'simMs' | 'speed' | 'seed'
>;

export interface Playback {
  view: Pick<StoreApi<PlaybackView>, 'getState' | 'getInitialState' | 'subscribe'>;
  actions: PlaybackActions;
  /** The tick now, for keys that move from it (the published one may be a frame behind). */
  tick(): number;
  /** Calls `draw` with the tick to show every animation frame; returns the unsubscribe. */
  onFrame(draw: (tick: number, endTick: number) => void): () => void;
}

function runPlayback(store: SimStore): Playback {
  return {
    view: store,
    actions: store.getState().actions,
    tick: () => store.sim().tick,
    onFrame: (draw) => store.subscribeFrame((f) => draw(f.displayUs / f.sim.tickUs, f.sim.endTick)),
  };
}

/** The playback given, else the run of the nearest SimStoreProvider. */
export function usePlayback(given?: Playback): Playback {
  const store = useSimStore();
  const own = useMemo(() => runPlayback(store), [store]);
  return given ?? own;
}
