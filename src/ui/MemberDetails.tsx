/**
 * A group member in the inspector (issue 6): whether it is up, in its group and busy, the
 * partitions it owns and where it reads in each, and what it did (polls, records, commits,
 * evictions, duplicates skipped, outputs and transactions); its group is a button away.
 */
import type { MemberLive } from '../store/engineAccessLog';
import { formatCount } from './format';

const STATS: [string, string][] = [
  ['polls', 'polls'],
  ['processed', 'records processed'],
  ['effects', 'effects applied'],
  ['duplicatesSkipped', 'duplicates skipped (idempotent)'],
  ['commits', 'commits'],
  ['evictions', 'evicted (poll took too long)'],
  ['outputs', 'records written (output)'],
  ['txnCommitted', 'transactions committed'],
  ['txnAborted', 'transactions aborted'],
];

function stateWords(m: MemberLive, startMs: number, nowMs: number): string {
  if (!m.up) return 'crashed';
  if (!m.joined && startMs >= nowMs) return `not started: joins at ${startMs / 1000} s`;
  if (!m.joined) return 'out of its group (rejoins at its next poll)';
  if (m.owns.length === 0) return 'idle: no partition';
  if (m.batchAt >= 0) return `processing record ${m.batchAt + 1} of ${m.batchSize}`;
  return 'waiting for records';
}

export function MemberDetails({
  member,
  startMs,
  nowMs,
  onGroup,
}: {
  member: MemberLive;
  /** When it joins its group (its startMs), and the time now. */
  startMs: number;
  nowMs: number;
  onGroup(): void;
}) {
  return (
    <>
      <p className="inspector-links">
        Member of{' '}
        <button
          type="button"
          className="id-chip"
          data-testid={`open-group-${member.group}`}
          onClick={onGroup}
        >
          group {member.group}
        </button>{' '}
        on {member.topic}
      </p>
      <dl className="fields">
        <div className="field">
          <dt>state</dt>
          <dd data-testid="member-state">{stateWords(member, startMs, nowMs)}</dd>
        </div>
        <div className="field">
          <dt>owns</dt>
          <dd data-testid="member-owns">
            {member.owns.length > 0 ? member.owns.map((p) => `P${p}`).join(' ') : 'nothing'}
          </dd>
        </div>
        {member.owns.map((p) => (
          <div key={p} className="field">
            <dt>reads P{p} at</dt>
            <dd>
              {(member.positions[p] ?? -1) >= 0 ? member.positions[p] : 'the committed offset'}
            </dd>
          </div>
        ))}
        <div className="field">
          <dt>commits</dt>
          <dd>
            {member.commit === 'before'
              ? 'before processing (at most once)'
              : member.commit === 'after'
                ? 'after processing (at least once)'
                : 'automatically, on an interval'}
          </dd>
        </div>
        {member.crashArmed ? (
          <div className="field">
            <dt>crash</dt>
            <dd>armed</dd>
          </div>
        ) : null}
        {STATS.filter(([k]) => (member.stats[k] ?? 0) > 0 || k === 'processed').map(
          ([k, label]) => (
            <div key={k} className="field">
              <dt>{label}</dt>
              <dd data-testid={`member-${k}`}>{formatCount(member.stats[k] ?? 0)}</dd>
            </div>
          ),
        )}
      </dl>
    </>
  );
}
