/**
 * The log brokers in the inspector (issue 6): each broker up or down, and how many partitions
 * it leads and holds a replica of (a partition whose replicas are all down is offline).
 */
import type { RunReport } from '../engine';

export function LogClusterDetails({ up, report }: { up: readonly boolean[]; report: RunReport }) {
  const parts = Object.values(report.topics ?? {}).flatMap((t) => t.partitions);
  const offline = parts.filter((p) => p.leader < 0).length;
  return (
    <>
      <table className="queue-table">
        <thead>
          <tr>
            <th scope="col">Broker</th>
            <th scope="col">State</th>
            <th scope="col">Leads</th>
            <th scope="col">Replicas</th>
          </tr>
        </thead>
        <tbody>
          {up.map((u, b) => (
            <tr key={b} data-testid={`log-broker-${b}`}>
              <th scope="row">{b}</th>
              <td className={u ? undefined : 'is-bad'}>{u ? 'up' : 'DOWN'}</td>
              <td>{parts.filter((p) => p.leader === b).length}</td>
              <td>{parts.filter((p) => p.replicas.includes(b)).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={offline > 0 ? 'field-error' : 'muted'}>
        {offline > 0
          ? `${offline} partition${offline === 1 ? '' : 's'} offline: no replica can lead.`
          : 'Every partition has a leader.'}
      </p>
    </>
  );
}
