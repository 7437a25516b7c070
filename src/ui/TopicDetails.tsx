/**
 * A topic in the inspector (issue 6): each partition's offsets (log start and end, high
 * watermark), leader and in-sync replicas, and each group's lag there; the topic's numbers
 * (appended, duplicates dropped by the idempotent producer, acked records lost to a leader
 * change, deleted by retention, compacted away...); its retention and compaction settings; and
 * the groups reading it, each a button to inspect.
 */
import type { RunReport, ScenarioNode } from '../engine';
import { formatCount } from './format';
import { InspectorFields } from './InspectorFields';
import type { ReportEntry } from '../viz/nodeStats';

type Raw = Readonly<Record<string, unknown>>;

const seconds = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The settings that decide what the log keeps. */
function keeping(raw: Raw): [string, string][] {
  const out: [string, string][] = [];
  out.push(['cleanup', raw.cleanupPolicy === 'compact' ? 'compact (latest per key)' : 'delete']);
  if (typeof raw.retentionMs === 'number') out.push(['retention time', seconds(raw.retentionMs)]);
  if (typeof raw.retentionBytes === 'number')
    out.push(['retention size', `${formatCount(raw.retentionBytes)} bytes per partition`]);
  out.push([
    'segment',
    `${formatCount(typeof raw.segmentRecords === 'number' ? raw.segmentRecords : 1000)} records`,
  ]);
  if (raw.cleanupPolicy === 'compact')
    out.push([
      'delete markers kept',
      seconds(typeof raw.deleteRetentionMs === 'number' ? raw.deleteRetentionMs : 86_400_000),
    ]);
  return out;
}

export function TopicDetails({
  node,
  report,
  onGroup,
}: {
  node: ScenarioNode;
  report: RunReport;
  onGroup(groupId: string): void;
}) {
  const topic = report.topics?.[node.id];
  if (!topic) return <p className="muted">No numbers for this topic yet.</p>;
  const groups = Object.entries(report.groups ?? {}).filter(([, g]) => g.topic === node.id);
  return (
    <>
      <div className="table-scroll">
        <table className="queue-table partition-table" data-testid="partition-table">
          <thead>
            <tr>
              <th scope="col">Part.</th>
              <th scope="col" title="log start offset – log end offset">
                Offsets
              </th>
              <th scope="col" title="high watermark: what every in-sync replica has">
                HW
              </th>
              <th scope="col">Leader</th>
              <th scope="col" title="in-sync replicas">
                ISR
              </th>
              {groups.map(([id]) => (
                <th key={id} scope="col" title={`lag of ${id}: log end − committed offset`}>
                  {groups.length === 1 ? 'Lag' : id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {topic.partitions.map((p, i) => (
              <tr key={i} data-testid={`partition-${i}`}>
                <th scope="row">P{i}</th>
                <td>
                  {p.start}–{p.end}
                </td>
                <td>{p.highWatermark}</td>
                <td className={p.leader < 0 ? 'is-bad' : undefined}>
                  {p.leader < 0 ? 'OFFLINE' : p.leader}
                </td>
                <td>{p.isr.join(' ')}</td>
                {groups.map(([id, g]) => (
                  <td key={id} data-testid={`lag-${id}-${i}`}>
                    {g.committed[i]! >= 0 ? formatCount(g.lag[i] ?? 0) : '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InspectorFields entry={topic as unknown as ReportEntry} prefix="inspect" />
      <dl className="fields">
        {keeping(node as unknown as Raw).map(([k, v]) => (
          <div key={k} className="field">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {groups.length > 0 ? (
        <p className="inspector-links">
          Read by{' '}
          {groups.map(([id]) => (
            <button
              key={id}
              type="button"
              className="id-chip"
              data-testid={`open-group-${id}`}
              onClick={() => onGroup(id)}
            >
              group {id}
            </button>
          ))}
        </p>
      ) : null}
    </>
  );
}
