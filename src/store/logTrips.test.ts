/**
 * Records written to a topic travel to their partition's row: one trip per `recordAppended`
 * event, from its writer, placed one link latency before the append (and at least a hop long).
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../engine';
import { loadPreset } from '../scenarios';
import { linkLatencyUs } from './engineAccess';
import { createRun } from './run';
import { HOP_MIN_TICKS } from './tuning';

type Appended = SimEvent & { type: 'recordAppended' };

describe('log trips', () => {
  it('draws one trip per appended record still on its way, and no other', () => {
    const run = createRun(loadPreset('kafka-group-scaling'), {});
    run.advanceBy(1500);
    const sim = run.sim();
    const link = linkLatencyUs(sim);
    const hop = Math.max(link / 2, HOP_MIN_TICKS * sim.tickUs);
    expect(link).toBeGreaterThan(0);
    const arrival = (e: Appended) => e.atUs - link + Math.max(link, hop);
    const onTheWay = run.trace.log
      .view(sim.nowUs)
      .filter((e): e is Appended => e.type === 'recordAppended' && arrival(e) > sim.nowUs);
    const trips = run.trace.flights
      .active(sim.nowUs)
      .filter((f) => f.to.includes('#') && f.originId !== null && f.state === 'new');
    expect(onTheWay.length).toBeGreaterThan(0);
    expect(trips.length).toBe(onTheWay.length);
    for (const e of onTheWay)
      expect(trips).toContainEqual({
        msgId: null,
        originId: e.originId,
        from: e.writer,
        to: `${e.topic}#${e.partition}`,
        departUs: e.atUs - link,
        arriveUs: arrival(e),
        state: 'new',
      });
  });
});
