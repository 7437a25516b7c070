/**
 * A consumer group in the inspector (issue 6): its members and who owns which partition
 * (members without one are idle), generation and rebalances, committed offsets and lag per
 * partition, what it processed, and its ledger: records whose effect was applied exactly once,
 * more than once (duplicated) or never (lost), with example ids that select the message.
 */
import type { RunReport } from '../engine';
import { formatCount, formatMs } from './format';
import { LedgerExamples } from './LedgerExamples';
import { usePickMessage } from './usePickMessage';

type GroupReport = RunReport['groups'][string];

export function GroupDetails({
  groupId,
  group,
  onMember,
}: {
  groupId: string;
  group: GroupReport;
  onMember?(memberId: string): void;
}) {
  const { pick, missing } = usePickMessage();
  const owned = (m: string) => group.assignment.flatMap((o, p) => (o === m ? [`P${p}`] : []));
  const l = group.ledger;
  return (
    <div className="group-details" data-testid={`group-${groupId}`}>
      <dl className="fields">
        <div className="field">
          <dt>topic</dt>
          <dd>{group.topic}</dd>
        </div>
        <div className="field">
          <dt>generation</dt>
          <dd data-testid="group-generation">{group.generation}</dd>
        </div>
        <div className="field">
          <dt>rebalances</dt>
          <dd data-testid="group-rebalances">{group.rebalances}</dd>
        </div>
        <div className="field">
          <dt>processed</dt>
          <dd data-testid="group-processed">{formatCount(group.processed)}</dd>
        </div>
        <div className="field">
          <dt>lag (all partitions)</dt>
          <dd data-testid="group-lag">{formatCount(group.totalLag)}</dd>
        </div>
        <div className="field">
          <dt>commits refused (after a rebalance)</dt>
          <dd>{formatCount(group.commitFailed)}</dd>
        </div>
        <div className="field">
          <dt>skipped: deleted before read</dt>
          <dd>{formatCount(group.skippedByRetention)}</dd>
        </div>
        <div className="field">
          <dt>latency (written → processed)</dt>
          <dd>
            {group.latencyMs.count === 0
              ? 'no data yet'
              : `p50 ${formatMs(group.latencyMs.p50)} · p99 ${formatMs(group.latencyMs.p99)}`}
          </dd>
        </div>
      </dl>
      <table className="queue-table">
        <thead>
          <tr>
            <th scope="col">Part.</th>
            <th scope="col">Owner</th>
            <th scope="col">Committed</th>
            <th scope="col">Lag</th>
          </tr>
        </thead>
        <tbody>
          {group.assignment.map((owner, p) => (
            <tr key={p}>
              <th scope="row">P{p}</th>
              <td>{owner ?? '–'}</td>
              <td>{group.committed[p]! >= 0 ? group.committed[p] : 'none'}</td>
              <td>{group.committed[p]! >= 0 ? formatCount(group.lag[p] ?? 0) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="member-list">
        {group.members.map((m) => {
          const parts = owned(m);
          return (
            <li key={m} data-testid={`group-member-${m}`}>
              {onMember ? (
                <button type="button" className="id-chip" onClick={() => onMember(m)}>
                  {m}
                </button>
              ) : (
                m
              )}{' '}
              {parts.length > 0 ? `owns ${parts.join(' ')}` : 'idle: no partition'}
            </li>
          );
        })}
      </ul>
      <dl className="fields">
        <div className="field">
          <dt>exactly once</dt>
          <dd data-testid="group-ledger-once">{formatCount(l.exactlyOnce)}</dd>
        </div>
        <div className="field">
          <dt>duplicated</dt>
          <dd data-testid="group-ledger-dup">{formatCount(l.duplicated)}</dd>
        </div>
        <div className="field">
          <dt>lost</dt>
          <dd data-testid="group-ledger-lost">{formatCount(l.lost)}</dd>
        </div>
      </dl>
      <LedgerExamples label="duplicated" ids={l.duplicatedIds} queueId={groupId} onPick={pick} />
      <LedgerExamples label="lost" ids={l.lostIds} queueId={groupId} onPick={pick} />
      {missing !== null ? (
        <p className="muted" role="status">
          Message #{missing} is older than the event log keeps: step back to see it.
        </p>
      ) : null}
    </div>
  );
}
