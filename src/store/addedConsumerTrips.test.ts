/**
 * A consumer added by an input is not in the scenario, yet its acks travel back to its queue
 * like any consumer's: the trips read its queue from the engine state.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios';
import { createRun } from './run';

describe('trips of an added consumer', () => {
  it('draws an ack going back for every task it processed', () => {
    const run = createRun(loadPreset('work-queue'), {}, [
      { tick: 10, input: { type: 'consumerAdded', consumerId: 'worker-4', like: 'worker-3' } },
    ]);
    const acks = new Set<number | null>();
    for (let i = 0; i < 1500; i++) {
      run.advanceBy(1);
      for (const f of run.trace.flights.active(run.sim().nowUs))
        if (f.from === 'worker-4') {
          expect(f).toMatchObject({ to: 'tasks', state: 'ack' });
          acks.add(f.msgId);
        }
    }
    const processed = run.trace.log
      .view(run.sim().nowUs)
      .filter((e) => e.type === 'processed' && e.consumer === 'worker-4');
    expect(processed.length).toBeGreaterThan(0);
    // Each one's ack is on screen for over a tick (one link latency), so every step sees it.
    expect(acks.size).toBe(processed.length);
  });
});
