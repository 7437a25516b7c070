/**
 * A small window hook for the e2e suite and the UI benchmark: the golden-trace hash computed by
 * this browser's JS engine (must equal Node's), the engine's exact tick (the DOM shows the
 * published one), render counts per panel, timed seeks, and loading a scenario document (validated
 * like any untrusted input). The golden run is loaded on demand so it costs nothing at load.
 */
import type { TimedInput } from '../engine';
import { loadValidators, type SimStore } from '../store';
import { renderCounts, resetRenderCounts } from './renderCount';

export interface MqSimDebug {
  goldenTraceHash(): Promise<string>;
  getTick(): number;
  isPlaying(): boolean;
  renderCounts(): Record<string, number>;
  resetRenderCounts(): void;
  /** Seek and return the wall time it took in ms (null while the seek still computes). */
  timedSeek(tick: number): number | null;
  /** Seek and resolve, with the wall time it took in ms, once the seek has finished computing. */
  seek(tick: number): Promise<number>;
  /** The run's input timeline. */
  timeline(): readonly TimedInput[];
  checkpointStats(): { count: number; bytes: number; strideTicks: number };
  /** Validate and load a scenario document; resolves to the validation errors (none: loaded). */
  loadScenario(raw: unknown, seed?: number): Promise<string[]>;
  /** Messages moving on links at the engine's time. */
  movingCount(): number;
  /** The same, as "from>to:state" (state: new, ack, deadLettered, ...). */
  movingFlights(): string[];
  /** Marks fading out at the time shown, as "node:label". */
  fades(): string[];
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
    renderCounts,
    resetRenderCounts,
    timedSeek(tick) {
      const started = performance.now();
      store.getState().actions.seek(tick);
      return store.getState().computing ? null : performance.now() - started;
    },
    seek(tick) {
      const started = performance.now();
      store.getState().actions.seek(tick);
      return new Promise((resolve) => {
        const check = () => {
          if (store.getState().computing) requestAnimationFrame(check);
          else resolve(performance.now() - started);
        };
        check();
      });
    },
    timeline: () => store.timeline(),
    checkpointStats: () => store.checkpointStats(),
    async loadScenario(raw, seed) {
      const result = (await loadValidators()).validateScenario(raw);
      if (!result.ok) return result.errors;
      store.getState().actions.loadScenario(result.value, seed === undefined ? {} : { seed });
      return [];
    },
    movingCount() {
      const f = store.frame();
      return f.flights.filter((x) => x.departUs <= f.displayUs && f.displayUs < x.arriveUs).length;
    },
    movingFlights() {
      const f = store.frame();
      return f.flights
        .filter((x) => x.departUs <= f.displayUs && f.displayUs < x.arriveUs)
        .map((x) => `${x.from}>${x.to}:${x.state}`);
    },
    fades: () => store.frame().fades.map((x) => `${x.node ?? ''}:${x.label}`),
  };
}
