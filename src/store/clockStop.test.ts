/**
 * A bounded play (a lesson step's Run) stops exactly at its tick, whatever the speed: the page's
 * number for the step is then the engine's number at that tick, as in the headless run.
 */
import { describe, expect, it } from 'vitest';
import { createClock, type ClockTarget } from './clock';
import { SPEED_FASTEST } from './speed';
import { FASTEST_DRAW_EVERY } from './tuning';

function fakeTarget(endTick: number) {
  let tick = 0;
  let resolveEnded: () => void = () => undefined;
  const ended = new Promise<void>((r) => (resolveEnded = r));
  const target: ClockTarget = {
    tick: () => tick,
    tickMs: () => 1,
    finished: () => tick >= endTick,
    advance(n) {
      const ran = Math.min(n, endTick - tick);
      tick += ran;
      return ran;
    },
    frame: () => undefined,
    ended: () => resolveEnded(),
  };
  return { target, ended, tick: () => tick };
}

describe('clock.start(stopAtTick)', () => {
  it.each([SPEED_FASTEST, 100])('stops exactly at the tick at speed %s', async (speed) => {
    const t = fakeTarget(1_000_000);
    const clock = createClock(t.target, speed, { frameBudgetMs: 8 });
    clock.start(12_345);
    await t.ended;
    expect(t.tick()).toBe(12_345);
    expect(clock.playing()).toBe(false);
    clock.destroy();
  });

  it('a plain start after a bounded one is not bounded', async () => {
    const t = fakeTarget(30_000);
    const clock = createClock(t.target, SPEED_FASTEST);
    clock.start(10);
    await t.ended;
    expect(t.tick()).toBe(10);
    let ended = false;
    const done = new Promise<void>((resolve) => {
      t.target.ended = () => {
        ended = true;
        resolve();
      };
    });
    clock.start();
    await done;
    expect(ended).toBe(true);
    expect(t.tick()).toBe(30_000);
    clock.destroy();
  });

  it('does not start when already at or past the tick', () => {
    const t = fakeTarget(100);
    const clock = createClock(t.target, 1);
    clock.start(0);
    expect(clock.playing()).toBe(false);
    clock.destroy();
  });
});

/** Whether each of the first `count` frames drew, playing at `speed` with free engine work. */
async function framesDrawn(speed: number, count: number): Promise<boolean[]> {
  const t = fakeTarget(Number.MAX_SAFE_INTEGER);
  const draws: boolean[] = [];
  const enough = new Promise<void>((resolve) => {
    t.target.frame = (_tick, draw = true) => {
      draws.push(draw);
      if (draws.length === count) resolve();
    };
  });
  const clock = createClock(t.target, speed);
  clock.start();
  await enough;
  clock.destroy();
  return draws.slice(0, count);
}

describe('"as fast as possible"', () => {
  it('draws one frame in FASTEST_DRAW_EVERY and gives the others to the engine', async () => {
    const draws = await framesDrawn(SPEED_FASTEST, 12);
    expect(draws).toEqual(draws.map((_, i) => i % FASTEST_DRAW_EVERY === 0));
    expect(draws).toContain(false);
  });

  it('draws every frame at an ordinary speed', async () => {
    expect(await framesDrawn(100, 6)).toEqual([true, true, true, true, true, true]);
  });
});
