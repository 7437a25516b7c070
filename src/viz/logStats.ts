/**
 * The words on a group member and on the log brokers' badge (issue 6), from the member's live
 * state and the brokers' up flags: which partitions a member owns, or that it has none (idle),
 * crashed or left its group; how far it is in its batch; which log brokers are down.
 */
import type { MemberLive } from '../store/engineAccessLog';
import type { NodeStatus } from './nodeStats';

const partitions = (ps: readonly number[]) => ps.map((p) => `P${p}`).join(' ');

/** `startMs`: when the member joins its group (a service that arrives later), from its settings. */
export function memberStatus(
  m: MemberLive | undefined,
  startMs: number,
  nowUs: number,
): NodeStatus {
  const none: NodeStatus = { lines: ['', ''], down: false, warn: false, depth: null };
  if (!m) return none;
  const done = `${m.stats.processed ?? 0} done`;
  if (!m.up) return { ...none, lines: ['crashed', done], down: true };
  if (!m.joined && startMs * 1000 >= nowUs)
    return { ...none, lines: [`joins at ${startMs / 1000} s`, 'not started yet'], idle: true };
  if (!m.joined)
    return { ...none, lines: ['out of the group', 'rejoins at its next poll'], warn: true };
  if (m.owns.length === 0) return { ...none, lines: ['idle: no partition', done], idle: true };
  const work =
    m.batchAt >= 0 && m.batchSize > 0 ? `record ${m.batchAt + 1}/${m.batchSize}` : 'waiting';
  return { ...none, lines: [`owns ${partitions(m.owns)}`, `${work} · ${done}`] };
}

export function logClusterStatus(up: readonly boolean[]): NodeStatus {
  const down = up.flatMap((u, b) => (u ? [] : [b]));
  const line =
    down.length === 0
      ? `${up.length} broker${up.length === 1 ? '' : 's'} up`
      : `${down.length === 1 ? 'broker' : 'brokers'} ${down.join(', ')} DOWN · ${up.length - down.length} of ${up.length} up`;
  return {
    lines: [line, ''],
    down: up.length > 0 && down.length === up.length,
    warn: down.length > 0 && down.length < up.length,
    depth: null,
  };
}
