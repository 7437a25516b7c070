/**
 * The consumer groups of the log broker (issue 6), for scenarios with topics: per group, what
 * it processed, its lag and rebalances, and its ledger: records whose effect was applied exactly
 * once, more than once or never (lost), with example ids. A group's name opens it in the
 * inspector. One block per group (seven numbers do not fit a table row in the side column).
 */
import { OlderThanLog } from './OlderThanLog';
import { useId } from 'react';
import { formatCount } from './format';
import { LedgerExamples } from './LedgerExamples';
import { groupTarget } from './logTargets';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';
import { usePickMessage } from './usePickMessage';

function Num({
  id,
  label,
  value,
  bad,
}: {
  id: string;
  label: string;
  value: number;
  bad?: boolean;
}) {
  return (
    <span className="group-num">
      {label}{' '}
      <strong data-testid={id} className={bad && value > 0 ? 'is-bad' : undefined}>
        {formatCount(value)}
      </strong>
    </span>
  );
}

export function GroupsPanel() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('GroupsPanel');
  const groups = useSim((s) => s.report.groups);
  const selectNode = useSim((s) => s.actions.selectNode);
  const { pick, missing } = usePickMessage();
  const rows = Object.entries(groups ?? {});
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="groups-panel">
      <h2 id={titleId} className="panel-title">
        Consumer groups
      </h2>
      <ul className="group-list">
        {rows.map(([id, g]) => (
          <li key={id} className="group-item">
            <button
              type="button"
              className="link-button"
              data-testid={`inspect-group-${id}`}
              onClick={() => selectNode(groupTarget(id))}
            >
              {id}
            </button>{' '}
            <span className="muted">on {g.topic}</span>
            <div className="group-line">
              <Num id={`group-processed-${id}`} label="processed" value={g.processed} />
              <Num id={`group-lag-${id}`} label="lag" value={g.totalLag} />
              <Num id={`group-rebalances-${id}`} label="rebalances" value={g.rebalances} />
            </div>
            <div className="group-line">
              <Num id={`group-once-${id}`} label="exactly once" value={g.ledger.exactlyOnce} />
              <Num id={`group-dup-${id}`} label="duplicated" value={g.ledger.duplicated} bad />
              <Num id={`group-lost-${id}`} label="lost" value={g.ledger.lost} bad />
            </div>
            <LedgerExamples
              label="duplicated"
              ids={g.ledger.duplicatedIds}
              queueId={id}
              onPick={pick}
            />
            <LedgerExamples label="lost" ids={g.ledger.lostIds} queueId={id} onPick={pick} />
          </li>
        ))}
      </ul>
      <OlderThanLog id={missing} />
    </section>
  );
}
