import { describe, expect, it } from 'vitest';
import { advanceTo, createSim, report } from '../../engine';
import { loadPreset } from '../../scenarios';
import { describeChanges, joinAnnouncement, lookAt, type RunLook } from './liveSummary';

const look = (atMs: number, down: string[], deadLettered = 0, duplicates = 0): RunLook => ({
  atMs,
  down: new Set(down),
  deadLettered,
  duplicates,
});

describe('live summary', () => {
  it('says what went down, what came back and what was dead-lettered', () => {
    expect(describeChanges(look(12_000, []), look(12_400, ['payment'], 3))).toEqual([
      'payment is DOWN at 12.4 s',
      '3 messages dead-lettered',
    ]);
    expect(describeChanges(look(1, ['payment']), look(2_000, [], 0, 1))).toEqual([
      'payment is back up at 2.0 s',
      '1 duplicate effect',
    ]);
  });

  it('says nothing when time went back (a seek or a reset)', () => {
    expect(describeChanges(look(5_000, []), look(1_000, ['broker'], 9))).toEqual([]);
  });

  it('joins at most three changes and counts the rest', () => {
    expect(joinAnnouncement([])).toBe('');
    expect(joinAnnouncement(['a', 'b', 'c', 'd', 'e'])).toBe('c. d. e. And 2 more changes.');
  });

  it('sees a consumer crashed by the schedule in a real run', () => {
    const base = loadPreset('competing-consumers');
    const worker = base.nodes.find((n) => n.kind === 'consumer')!;
    const scenario = {
      ...base,
      schedule: [{ atMs: 500, input: { type: 'consumerCrashed' as const, consumerId: worker.id } }],
    };
    const sim = createSim(scenario);
    advanceTo(sim, 10);
    const before = lookAt(scenario, report(sim));
    expect(before.down.size).toBe(0);
    advanceTo(sim, 40);
    const after = lookAt(scenario, report(sim));
    expect(describeChanges(before, after)).toContain(`${worker.id} is DOWN at 0.8 s`);
  });
});
