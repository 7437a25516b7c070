/** The words on a group member and on the log brokers' badge. */
import { describe, expect, it } from 'vitest';
import type { MemberLive } from '../store/engineAccessLog';
import { logClusterStatus, memberStatus } from './logStats';

const member = (over: Partial<MemberLive>): MemberLive => ({
  id: 'w',
  group: 'g',
  topic: 't',
  up: true,
  joined: true,
  removed: false,
  idle: false,
  batchAt: -1,
  batchSize: 0,
  positions: [],
  owns: [0, 2],
  commit: 'after',
  crashArmed: false,
  stats: { processed: 7 },
  ...over,
});

describe('member and log broker words', () => {
  it('says what a member owns, or that it idles, crashed, has not started or was evicted', () => {
    expect(memberStatus(member({}), 0, 1).lines).toEqual(['owns P0 P2', 'waiting · 7 done']);
    expect(memberStatus(member({ batchAt: 2, batchSize: 5 }), 0, 1).lines[1]).toBe(
      'record 3/5 · 7 done',
    );
    const idle = memberStatus(member({ owns: [] }), 0, 1);
    expect(idle.lines[0]).toBe('idle: no partition');
    expect(idle.idle).toBe(true);
    expect(memberStatus(member({ up: false }), 0, 1).down).toBe(true);
    expect(memberStatus(member({ joined: false }), 60_000, 1_000_000).lines[0]).toBe(
      'joins at 60 s',
    );
    expect(memberStatus(member({ joined: false }), 0, 1_000_000).warn).toBe(true);
  });

  it('names the log brokers that are down', () => {
    expect(logClusterStatus([true, true, true]).lines[0]).toBe('3 brokers up');
    const one = logClusterStatus([true, false, true]);
    expect(one.lines[0]).toBe('broker 1 DOWN · 2 of 3 up');
    expect(one.warn).toBe(true);
    expect(logClusterStatus([false, false]).down).toBe(true);
    expect(logClusterStatus([false, false, true]).lines[0]).toBe('brokers 0, 1 DOWN · 1 of 3 up');
  });
});
