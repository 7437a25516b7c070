/**
 * A tiny window hook for the e2e suite: the golden-trace hash computed by this browser's JS
 * engine (must equal Node's), and the engine's exact tick (the DOM shows the published one).
 * The golden run is loaded on demand so it costs nothing on a normal page load.
 */
import type { SimStore } from '../store';

export interface MqSimDebug {
  goldenTraceHash(): Promise<string>;
  getTick(): number;
  isPlaying(): boolean;
}

declare global {
  interface Window {
    __mqsim?: MqSimDebug;
  }
}

export function installDebugHooks(store: SimStore): void {
  window.__mqsim = {
    async goldenTraceHash() {
      const { goldenTraceHash } = await import('../scenarios/golden');
      return goldenTraceHash().hash;
    },
    getTick: () => store.sim().tick,
    isPlaying: () => store.getState().playing,
  };
}
