/**
 * The consumer groups of the log broker (issue 6), for scenarios with topics: per group, what
 * it processed, its lag, its rebalances, and its ledger: records whose effect was applied
 * exactly once, more than once or never (lost), with example ids. A group's name opens it in
 * the inspector.
 */
import { formatCount } from './format';
import { LedgerExamples } from './LedgerExamples';
import { groupTarget } from './logTargets';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';
import { usePickMessage } from './usePickMessage';

export function GroupsPanel() {
  useRenderCount('GroupsPanel');
  const groups = useSim((s) => s.report.groups);
  const selectNode = useSim((s) => s.actions.selectNode);
  const { pick, missing } = usePickMessage();
  const rows = Object.entries(groups ?? {});
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="groups-title" data-testid="groups-panel">
      <h2 id="groups-title" className="panel-title">
        Consumer groups
      </h2>
      <table className="queue-table ledger-table">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Done</th>
            <th scope="col" title="log end − committed offset, all partitions">
              Lag
            </th>
            <th scope="col">Reb.</th>
            <th scope="col" title="effect applied exactly once">
              Once
            </th>
            <th scope="col" title="effect applied more than once">
              Dup.
            </th>
            <th scope="col" title="committed past without its effect">
              Lost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, g]) => (
            <tr key={id}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  data-testid={`inspect-group-${id}`}
                  onClick={() => selectNode(groupTarget(id))}
                >
                  {id}
                </button>
              </th>
              <td data-testid={`group-processed-${id}`}>{formatCount(g.processed)}</td>
              <td data-testid={`group-lag-${id}`}>{formatCount(g.totalLag)}</td>
              <td data-testid={`group-rebalances-${id}`}>{g.rebalances}</td>
              <td data-testid={`group-once-${id}`}>{formatCount(g.ledger.exactlyOnce)}</td>
              <td data-testid={`group-dup-${id}`}>{formatCount(g.ledger.duplicated)}</td>
              <td data-testid={`group-lost-${id}`}>{formatCount(g.ledger.lost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.map(([id, g]) => (
        <div key={id}>
          <LedgerExamples
            label="duplicated"
            ids={g.ledger.duplicatedIds}
            queueId={id}
            onPick={pick}
          />
          <LedgerExamples label="lost" ids={g.ledger.lostIds} queueId={id} onPick={pick} />
        </div>
      ))}
      {missing !== null ? (
        <p className="muted" role="status">
          Message #{missing} is older than the event log keeps: step back to see it.
        </p>
      ) : null}
    </section>
  );
}
