/**
 * One animation clock for two stores (the compare view). Each store is created with
 * `clock: pair.attach` (see SimStoreOptions.clock): it gets a view of the shared clock, so its
 * own actions (play, pause, a seek that stops the clock, a speed) act on the pair's clock, and
 * the shared clock drives both runs through one composite target. Nothing else of a store
 * changes: it publishes and draws as it always does.
 */
import { createClock, type Clock, type ClockTarget } from '../store';
import { compositeTarget, type CompositeTarget } from './compositeTarget';

export interface PairClock {
  /** For SimStoreOptions.clock: register a store's target, return its view of the clock. */
  attach(target: ClockTarget, initialSpeed: number): Clock;
  /** The shared clock itself. */
  shared(): Clock;
  target: CompositeTarget;
  destroy(): void;
}

export function createPairClock(doc?: Document): PairClock {
  const targets: ClockTarget[] = [];
  const target = compositeTarget(() => targets);
  let shared: Clock | null = null;
  const get = (speed = 1): Clock => {
    shared ??= createClock(target, speed, { doc });
    return shared;
  };

  return {
    attach(own, initialSpeed) {
      targets.push(own);
      const clock = get(initialSpeed);
      return {
        // A bounded play (store.playUntil) bounds the shared clock.
        start: (stopAtTick) => clock.start(stopAtTick),
        stop: () => clock.stop(),
        playing: () => clock.playing(),
        setSpeed: (s) => clock.setSpeed(s),
        speed: () => clock.speed(),
        // Never draw a run past its own tick + 1 (it may have ended, or still be seeking).
        displayTick: () =>
          Math.min(clock.displayTick(), own.finished() ? own.tick() : own.tick() + 1),
        sync: () => clock.sync(),
        destroy() {
          const i = targets.indexOf(own);
          if (i >= 0) targets.splice(i, 1);
          if (targets.length === 0) clock.destroy();
        },
      };
    },
    shared: () => get(),
    target,
    destroy() {
      targets.length = 0;
      shared?.destroy();
    },
  };
}
